using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Research.Cli.Pipeline;
using Research.Pipeline;
using Research.Pipeline.Provenance;
using Research.Pipeline.Running.Workers;
using Research.Synthetic;

namespace Research.Cli.Commands;

/// <summary><c>research run-all</c>: the main job — every municipal report plus the synthesis, with provenance.</summary>
public static class RunAllCommand
{
    /// <summary>The seed of the generated synthetic extracts: the date the first experiment started, 1 October 2017.</summary>
    public const ulong DefaultSeed = 20171001;

    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var extracts = new Option<DirectoryInfo?>("--extracts") { Description = "Extract directory to analyse (default: generate seeded synthetic extracts into OUT/extracts)." };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Output directory for reports, result files, index.html and provenance.json.", DefaultValueFactory = _ => new DirectoryInfo("out") };
        var force = new Option<bool>("--force") { Description = "Re-run every notebook even if nothing it depends on changed." };
        var dryRun = new Option<bool>("--dry-run") { Description = "List which notebooks would run and why, without running or writing anything." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the generated synthetic extracts.", DefaultValueFactory = _ => DefaultSeed };
        var notebooks = new Option<DirectoryInfo?>("--notebooks") { Description = "Directory with municipal-report.ipynb and synthesis.ipynb (default: the ones shipped with the tool)." };
        var external = new Option<bool>("--allow-external-resources")
        {
            Description = "Read data-package resources that lie outside the extract directory (refused by default; they are hashed like the rest).",
        };
        var limits = NotebookLimits.Create();
        var command = new Command("run-all", "Validate the extracts, run all municipal reports in parallel, then the synthesis; write reports, result files, index.html and provenance.json.")
        {
            extracts, output, force, dryRun, seed, notebooks, external,
        };
        foreach (var option in limits.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var generatorSeed = parse.GetValue(seed);
            var settings = new PipelineSettings
            {
                ExtractDirectory = parse.GetValue(extracts)?.FullName,
                GenerateExtracts = directory =>
                {
                    new SyntheticExtractGenerator().Generate(directory, new SyntheticOptions { Seed = generatorSeed, Overwrite = true });
                    return new GeneratedExtracts(generatorSeed, 1.0);
                },
                OutputDirectory = parse.GetValue(output)!.FullName,
                Parallelism = parse.GetValue(limits.Parallel),
                Force = parse.GetValue(force),
                DryRun = parse.GetValue(dryRun),
                NotebookDirectory = parse.GetValue(notebooks)?.FullName ?? ShippedNotebooks,
                NotebooksShippedWithTool = parse.GetValue(notebooks) is null,
                CellTimeout = TimeSpan.FromSeconds(parse.GetValue(limits.Timeout)),
                MemoryLimitBytes = limits.MemoryLimitBytes(parse),
                AllowExternalResources = parse.GetValue(external),
            };
            var console = parse.InvocationConfiguration.Output;
            var watch = Stopwatch.StartNew();
            using var runner = new WorkerPoolJobRunner(SelfProcess.Command(), jitProfiles: SelfProcess.JitProfiles());
            var result = await new ReportPipeline(settings, runner, console).RunAsync(cancellationToken);
            if (!result.Succeeded)
            {
                return ExitCodes.Failure;
            }

            if (result.Provenance is not null)
            {
                await console.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {Path.Combine(parse.GetValue(output)!.ToString(), "index.html")} and {ProvenanceRecord.FileName} in {watch.Elapsed.TotalSeconds:F1} s"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The notebooks shipped next to the tool (copied there at build).</summary>
    internal static string ShippedNotebooks => Path.Combine(AppContext.BaseDirectory, "notebooks");
}
