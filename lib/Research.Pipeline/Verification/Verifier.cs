using Research.Data.Schema;
using Research.Pipeline.Files;
using Research.Pipeline.Hashing;
using Research.Pipeline.Inputs;
using Research.Pipeline.Provenance;
using Research.Pipeline.Running;
using Research.Pipeline.Tool;

namespace Research.Pipeline.Verification;

/// <summary>
/// <c>research verify</c>: checks every output of a recorded run against the hashes in its provenance record, checks
/// that the inputs and notebooks are still the recorded bytes, then re-executes every notebook from them in a scratch
/// directory and compares every result number. The scratch directory is removed afterwards, whatever happens.
/// </summary>
/// <remarks>
/// The re-execution takes over the recorded run's validation while it stands (<see cref="PipelineSettings.RecordedValidationDirectory"/>):
/// the inputs are the recorded bytes by then, so with the recorded build the verdict is the recorded one; another build,
/// another external-resources setting or a changed <c>validation.txt</c> validates again, and the log says why.
/// </remarks>
/// <param name="settings">What to verify.</param>
/// <param name="runner">How notebooks are executed.</param>
/// <param name="log">Where the re-execution's progress goes.</param>
/// <param name="tool">The tool's fingerprint (default: the running tool's).</param>
public sealed class Verifier(VerificationSettings settings, IJobRunner runner, TextWriter log, ToolFingerprint? tool = null)
{
    private readonly ToolFingerprint _tool = tool ?? ToolFingerprint.Current;

    /// <summary>Verifies the run.</summary>
    /// <exception cref="PipelineException">There is no readable record, or the directory is in use by a run.</exception>
    public async Task<VerificationReport> RunAsync(CancellationToken cancellationToken)
    {
        var outDir = Path.GetFullPath(settings.OutputDirectory);
        var record = ProvenanceRecord.Load(Path.Combine(outDir, ProvenanceRecord.FileName));
        using var outputLock = OutputLock.AcquireForReading(outDir);
        var changedOutputs = ChangedOutputs(record, outDir);
        var extracts = Path.GetFullPath(Path.Combine(outDir, record.Extracts.Directory));
        var notebooks = record.Notebooks.Directory is { } relative ? Path.GetFullPath(Path.Combine(outDir, relative)) : settings.ShippedNotebookDirectory;
        var changedInputs = ChangedInputs(record, extracts, notebooks);
        if (changedInputs.Count > 0)
        {
            return new VerificationReport(changedOutputs, changedInputs, [], 0, ReexecutionFailed: false);
        }

        if (record.Tool.LibraryBuild != _tool.LibraryBuild)
        {
            await log.WriteLineAsync($"note: re-executing with another build of the tool ({_tool.Version}) than recorded ({record.Tool.Version})");
        }

        var scratch = settings.ScratchDirectory is { } given ? Path.GetFullPath(given) : Directory.CreateTempSubdirectory("research-verify-").FullName;
        try
        {
            var pipeline = new ReportPipeline(new PipelineSettings
            {
                OutputDirectory = scratch,
                ExtractDirectory = extracts,
                NotebookDirectory = notebooks,
                NotebooksShippedWithTool = record.Notebooks.Directory is null,
                AllowExternalResources = record.Extracts.AllowExternalResources,
                WriteExtractCache = false,
                RecordedValidationDirectory = outDir,
                Parallelism = settings.Parallelism,
                CellTimeout = settings.CellTimeout,
                MemoryLimitBytes = settings.MemoryLimitBytes,
                Force = true,
            }, runner, log, _tool);
            await log.WriteLineAsync("re-executing every notebook in a scratch directory");
            if (!(await pipeline.RunAsync(cancellationToken)).Succeeded)
            {
                return new VerificationReport(changedOutputs, [], [], record.Results.Count, ReexecutionFailed: true);
            }

            // The files are independent and nothing else runs now: they are read and compared side by side, the
            // differences listed in the record's order. Awaiting the tasks rethrows a file's own exception (which the
            // command reports), not an aggregate of them.
            var perFile = await Task.WhenAll(record.Results
                .Where(r => File.Exists(Path.Combine(outDir, r.Path)))
                .Select(r => Task.Run(() => ResultFiles.Differences(Path.Combine(outDir, r.Path), Path.Combine(scratch, r.Path), settings.Tolerance), cancellationToken)));
            var differences = perFile.SelectMany(d => d).ToList();
            return new VerificationReport(changedOutputs, [], differences, record.Results.Count, ReexecutionFailed: false);
        }
        finally
        {
            if (settings.ScratchDirectory is null && Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private static List<string> ChangedOutputs(ProvenanceRecord record, string outDir) =>
        record.Outputs.Select(o => Mismatch(o, outDir, o.Path, "has changed since the run")).OfType<string>().ToList();

    // The one check of a recorded file against the bytes now: missing, changed, or (null) as recorded.
    private static string? Mismatch(FileHash recorded, string directory, string label, string changed)
    {
        var path = Path.Combine(directory, recorded.Path);
        if (!File.Exists(path))
        {
            return $"{label} is missing";
        }

        var now = FileHash.OfFile(path);
        return now == recorded.Sha256 ? null : $"{label} {changed} (recorded SHA-256 {recorded.Sha256[..12]}…, now {now[..12]}…)";
    }

    private static List<string> ChangedInputs(ProvenanceRecord record, string extracts, string notebooks)
    {
        var lines = new List<string>();
        if (!Directory.Exists(extracts))
        {
            lines.Add($"the extract directory {record.Extracts.Directory} (relative to the output directory) is missing");
        }
        else
        {
            try
            {
                lines.AddRange(ExtractInputs.Differences(record.Extracts.Inputs, ExtractInputs.Hash(extracts, record.Extracts.AllowExternalResources)));
            }
            catch (DescriptorException e)
            {
                lines.Add(e.Message);
            }
        }

        lines.AddRange(record.Notebooks.Files.Select(n => Mismatch(n, notebooks, $"notebook {n.Path}", "has changed")).OfType<string>());
        return lines;
    }
}
