using System.CommandLine;
using System.Globalization;
using Research.Analysis.Results;
using Research.Cli.Pipeline;

namespace Research.Cli.Commands;

/// <summary>
/// <c>research verify</c>: re-executes a recorded run from its inputs in a scratch directory and compares every result
/// number by number. Changed inputs are reported before anything runs.
/// </summary>
public static class VerifyCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("outdir") { Description = "An output directory of research run-all (with provenance.json)." };
        var tolerance = new Option<double>("--tolerance") { Description = "Relative tolerance for numbers.", DefaultValueFactory = _ => ResultComparison.DefaultTolerance };
        var scratch = new Option<DirectoryInfo?>("--scratch") { Description = "Where to re-execute (default: a new temporary directory)." };
        var parallel = new Option<int>("--parallel") { Description = "How many notebooks run at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("verify", "Re-execute everything from the recorded inputs and compare the result files; exit 0 only when everything reproduces.")
        {
            directory, tolerance, scratch, parallel,
        };
        tolerance.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is not (>= 0 and < 1))
            {
                r.AddError("--tolerance must be at least 0 and below 1");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var outDir = parse.GetValue(directory)!.FullName;
            var recordPath = Path.Combine(outDir, Provenance.FileName);
            if (!File.Exists(recordPath))
            {
                await error.WriteLineAsync($"research verify: {recordPath} does not exist; run research run-all first");
                return ExitCodes.Failure;
            }

            Provenance record;
            try
            {
                record = Provenance.Load(recordPath);
            }
            catch (InvalidDataException e)
            {
                await error.WriteLineAsync($"research verify: {e.Message}");
                return ExitCodes.Failure;
            }

            var inputProblems = InputDifferences(record).ToList();
            if (inputProblems.Count > 0)
            {
                await error.WriteLineAsync("research verify: the inputs differ from the record, so the results cannot be reproduced as recorded:");
                foreach (var problem in inputProblems)
                {
                    await error.WriteLineAsync("  " + problem);
                }

                return ExitCodes.Failure;
            }

            if (record.Tool.CacheKey != ToolFingerprint.Current.CacheKey)
            {
                await console.WriteLineAsync($"note: re-executing with another build of the tool ({ToolFingerprint.Current.Version}) than recorded ({record.Tool.Version})");
            }

            var scratchDir = parse.GetValue(scratch)?.FullName ?? Path.Combine(Path.GetTempPath(), "research-verify-" + Guid.NewGuid().ToString("N")[..12]);
            var settings = new PipelineSettings
            {
                ExtractDirectory = record.ExtractDirectory,
                NotebookDirectory = record.NotebookDirectory,
                OutputDirectory = scratchDir,
                Parallelism = parse.GetValue(parallel),
                Force = true,
            };
            await console.WriteLineAsync($"re-executing in {scratchDir}");
            if (await new ReportPipeline(settings, console).RunAsync(cancellationToken) is null)
            {
                return ExitCodes.Failure;
            }

            var differences = new List<ResultDifference>();
            foreach (var result in record.Results)
            {
                var recorded = ResultFile.Load(Path.Combine(outDir, "reports", result.Path));
                var again = Path.Combine(settings.ReportDirectory, result.Path);
                differences.AddRange(File.Exists(again)
                    ? ResultComparison.Compare(recorded, ResultFile.Load(again), parse.GetValue(tolerance))
                    : [new ResultDifference(recorded.Site, "*", null, null, null, null, "the re-execution wrote no result file")]);
            }

            foreach (var difference in differences.Take(200))
            {
                await error.WriteLineAsync(difference.ToString());
            }

            await (differences.Count == 0 ? console : error).WriteLineAsync(differences.Count == 0
                ? string.Create(CultureInfo.InvariantCulture, $"REPRODUCED: {record.Results.Count} result files agree within relative tolerance {parse.GetValue(tolerance):G3}.")
                : string.Create(CultureInfo.InvariantCulture, $"NOT REPRODUCED: {differences.Count} differences."));
            return differences.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static IEnumerable<string> InputDifferences(Provenance record)
    {
        foreach (var (directory, files, kind) in new[] { (record.ExtractDirectory, record.ExtractFiles, "extract"), (record.NotebookDirectory, record.Notebooks, "notebook") })
        {
            foreach (var file in files)
            {
                var path = Path.Combine(directory, file.Path);
                if (!File.Exists(path))
                {
                    yield return $"{kind} {path} is missing";
                }
                else if (FileHash.Of(path, directory).Sha256 is var now && now != file.Sha256)
                {
                    yield return $"{kind} {path} has changed (recorded SHA-256 {file.Sha256[..12]}…, now {now[..12]}…)";
                }
            }
        }

        var recordedExtracts = record.ExtractFiles.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        if (Directory.Exists(record.ExtractDirectory))
        {
            foreach (var extra in Directory.EnumerateFiles(record.ExtractDirectory).Select(Path.GetFileName).Where(f => !recordedExtracts.Contains(f!)))
            {
                yield return $"extract {Path.Combine(record.ExtractDirectory, extra!)} was not part of the recorded run";
            }
        }
    }
}
