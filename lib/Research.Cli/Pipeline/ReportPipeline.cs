using System.Diagnostics;
using System.Globalization;
using Research.Analysis.Results;
using Research.Analysis.Surveys;
using Research.Data;
using Research.Scales.Instruments;
using Research.Synthetic;

namespace Research.Cli.Pipeline;

/// <summary>
/// The main job: validate (or first generate) the extracts, run the municipal report for every municipality in
/// parallel, then the synthesis, and write the index page and <c>provenance.json</c>. Notebooks whose inputs have not
/// changed are not re-executed.
/// </summary>
public sealed class ReportPipeline(PipelineSettings settings, TextWriter log)
{
    /// <summary>The municipal report template's file name.</summary>
    public const string MunicipalNotebook = "municipal-report.ipynb";

    /// <summary>The synthesis notebook's file name.</summary>
    public const string SynthesisNotebook = "synthesis.ipynb";

    /// <summary>Runs the pipeline; returns the provenance record, or null when it failed (the reason is in the log).</summary>
    public async Task<Provenance?> RunAsync(CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var outDir = Path.GetFullPath(settings.OutputDirectory);
        var reports = settings.ReportDirectory;
        Directory.CreateDirectory(reports);
        Directory.CreateDirectory(Path.Combine(outDir, "logs"));

        var (extracts, generated) = PrepareExtracts(outDir);
        if (Validate(extracts, outDir) is not { } extract)
        {
            return null;
        }

        var notebooks = Path.GetFullPath(settings.NotebookDirectory);
        foreach (var name in new[] { MunicipalNotebook, SynthesisNotebook }.Where(n => !File.Exists(Path.Combine(notebooks, n))))
        {
            await log.WriteLineAsync($"research run-all: notebook {Path.Combine(notebooks, name)} does not exist (use --notebooks DIR)");
            return null;
        }

        // Hashed once: the same hashes key every job's cache and go into the provenance record.
        var extractFiles = FileHash.OfDirectory(extracts);
        var municipalities = Municipalities(extract);
        // Notebooks run in the output directory with paths relative to it, so no machine path reaches an executed notebook.
        var (extractsParameter, reportsParameter) = (Path.GetRelativePath(outDir, extracts), Path.GetRelativePath(outDir, reports));
        var jobs = municipalities.Select(m => new NotebookJob(m, Path.Combine(notebooks, MunicipalNotebook),
            new Dictionary<string, string> { ["municipality"] = m, ["extracts"] = extractsParameter, ["output_dir"] = reportsParameter }, extractFiles)).ToList();

        var cache = new JobCache(Path.Combine(outDir, ".cache"));
        var tool = ToolFingerprint.Current;
        var records = new List<JobRecord>();
        using var gate = new SemaphoreSlim(Math.Max(1, settings.Parallelism));
        var done = 0;
        var results = await Task.WhenAll(jobs.Select(async job =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var record = await RunJobAsync(job, cache, tool, outDir, cancellationToken);
                lock (log)
                {
                    done++;
                    log.WriteLine(Status(record, job, done, jobs.Count + 1));
                }

                return record;
            }
            finally
            {
                gate.Release();
            }
        }));
        records.AddRange(results.Where(r => r is not null)!);
        if (results.Any(r => r is null))
        {
            await log.WriteLineAsync("research run-all: a municipal report failed; the synthesis was not run. See the logs above.");
            return null;
        }

        var synthesis = new NotebookJob("synthesis", Path.Combine(notebooks, SynthesisNotebook),
            new Dictionary<string, string> { ["results_dir"] = reportsParameter, ["extracts"] = extractsParameter, ["output_dir"] = reportsParameter },
            jobs.Select(j => FileHash.Of(j.Results(reports), reports)).Concat(extractFiles).ToList());
        var synthesisRecord = await RunJobAsync(synthesis, cache, tool, outDir, cancellationToken);
        if (synthesisRecord is null)
        {
            return null;
        }

        await log.WriteLineAsync(Status(synthesisRecord, synthesis, jobs.Count + 1, jobs.Count + 1));
        records.Add(synthesisRecord);

        IndexPage.Write(Path.Combine(outDir, "index.html"), municipalities, extracts);
        var provenance = new Provenance
        {
            Tool = tool,
            StartedAt = started,
            FinishedAt = DateTimeOffset.UtcNow,
            ExtractDirectory = extracts,
            Generated = generated,
            ExtractFiles = extractFiles,
            NotebookDirectory = notebooks,
            Notebooks = [FileHash.Of(Path.Combine(notebooks, MunicipalNotebook), notebooks), FileHash.Of(Path.Combine(notebooks, SynthesisNotebook), notebooks)],
            Jobs = records,
            Results = jobs.Append(synthesis).Select(j => FileHash.Of(j.Results(reports), reports)).ToList(),
        };
        provenance.Save(Path.Combine(outDir, Provenance.FileName));
        return provenance;
    }

    private (string Directory, GeneratedExtracts? Generated) PrepareExtracts(string outDir)
    {
        if (settings.ExtractDirectory is { } given)
        {
            return (Path.GetFullPath(given), null);
        }

        var directory = Path.Combine(outDir, "extracts");
        var watch = Stopwatch.StartNew();
        new SyntheticExtractGenerator().Generate(directory, new SyntheticOptions { Seed = settings.Seed, Overwrite = true });
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated synthetic extracts (seed {settings.Seed}) in {directory} in {watch.Elapsed.TotalSeconds:F1} s"));
        return (directory, new GeneratedExtracts(settings.Seed, 1.0));
    }

    private Extract? Validate(string extracts, string outDir)
    {
        var (extract, report) = Extract.Read(extracts, extraChecks: (e, sink) => ResponseRangeCheck.Run(e, sink, BundledInstruments.Catalog));
        var text = report.Format(100);
        File.WriteAllText(Path.Combine(outDir, "validation.txt"), text);
        if (!report.IsValid)
        {
            log.WriteLine($"research run-all: the extracts in {extracts} are invalid; nothing was run.");
            log.Write(text);
            return null;
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"validated {extracts}: 0 errors, {report.WarningCount} warnings (see validation.txt)"));
        return extract;
    }

    private static IReadOnlyList<string> Municipalities(Extract extract)
    {
        var present = extract.Participants!.Strings("municipality").Levels.ToHashSet(StringComparer.Ordinal);
        return extract.Experiments.Experiments.Select(e => e.Municipality).Where(present.Contains).ToList();
    }

    private async Task<JobRecord?> RunJobAsync(NotebookJob job, JobCache cache, ToolFingerprint tool, string outDir, CancellationToken cancellationToken)
    {
        var reports = settings.ReportDirectory;
        var key = job.CacheKey(tool);
        if (!settings.Force && cache.IsFresh(job, key, reports, out var outputs))
        {
            return new JobRecord(job.Name, job.Notebook, job.Parameters, Cached: true, 0, outputs);
        }

        foreach (var stale in job.Outputs(reports).Where(File.Exists))
        {
            File.Delete(stale);
        }

        var arguments = new List<string>
        {
            "run", job.Notebook, "-o", job.ExecutedNotebook(reports), "--html", job.Html(reports), "--cwd", outDir, "--timeout", settings.CellTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in job.Parameters)
        {
            arguments.Add("-p");
            arguments.Add($"{name}={value}");
        }

        var logFile = Path.Combine(outDir, "logs", job.Name + ".log");
        var watch = Stopwatch.StartNew();
        var exit = await SelfProcess.RunAsync(arguments, logFile, cancellationToken);
        if (exit != 0 || !File.Exists(job.Results(reports)))
        {
            var tail = File.ReadLines(logFile).TakeLast(15);
            lock (log)
            {
                log.WriteLine(exit != 0
                    ? $"research run-all: {job.Name} failed (exit {exit}); executed cells are in {job.ExecutedNotebook(reports)}, the log in {logFile}:"
                    : $"research run-all: {job.Name} ran but wrote no {Path.GetFileName(job.Results(reports))}; log in {logFile}:");
                foreach (var line in tail)
                {
                    log.WriteLine("  " + line);
                }
            }

            return null;
        }

        try
        {
            ResultFile.Load(job.Results(reports));
        }
        catch (InvalidDataException e)
        {
            lock (log)
            {
                log.WriteLine($"research run-all: {job.Name} wrote a result file that cannot be read: {e.Message}");
            }

            return null;
        }

        cache.Store(job, key, reports);
        return new JobRecord(job.Name, job.Notebook, job.Parameters, Cached: false, Math.Round(watch.Elapsed.TotalSeconds, 1), job.Outputs(reports).Select(o => FileHash.Of(o, reports)).ToList());
    }

    private static string Status(JobRecord? record, NotebookJob job, int done, int total) => record switch
    {
        null => string.Create(CultureInfo.InvariantCulture, $"[{done}/{total}] {job.Name}: FAILED"),
        { Cached: true } => string.Create(CultureInfo.InvariantCulture, $"[{done}/{total}] {job.Name}: unchanged, not re-run"),
        _ => string.Create(CultureInfo.InvariantCulture, $"[{done}/{total}] {job.Name}: done in {record.Seconds:F1} s"),
    };
}
