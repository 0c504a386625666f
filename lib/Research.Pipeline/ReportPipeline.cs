using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Research.Analysis.Surveys;
using Research.Data;
using Research.Data.Caching;
using Research.Data.Schema;
using Research.Data.Text;
using Research.Pipeline.Caching;
using Research.Pipeline.Files;
using Research.Pipeline.Hashing;
using Research.Pipeline.Inputs;
using Research.Pipeline.Jobs;
using Research.Pipeline.Provenance;
using Research.Pipeline.Reporting;
using Research.Pipeline.Running;
using Research.Pipeline.Tool;
using Research.Pipeline.Verification;
using Research.Scales.Instruments;

namespace Research.Pipeline;

/// <summary>
/// The main job: under a lock on the output directory, validate (or first generate) the extracts, run the municipal
/// report for every municipality in parallel, then the synthesis, and write the index page and the provenance record.
/// A job runs only for a reason (its cache entry names what it depended on, as R's <c>targets</c> does); each reason is
/// printed, and a dry run prints them without running anything.
/// </summary>
/// <param name="settings">What to do.</param>
/// <param name="runner">How a job's notebook is executed.</param>
/// <param name="log">Where progress and failures are written.</param>
/// <param name="tool">The tool's fingerprint (default: the running tool's).</param>
public sealed partial class ReportPipeline(PipelineSettings settings, IJobRunner runner, TextWriter log, ToolFingerprint? tool = null)
{
    private const int LogTailLines = 15;

    /// <summary>How the log names the directory of a recorded run whose validation <c>verify</c> judges.</summary>
    private const string RecordedRun = "the recorded run";
    private readonly ToolFingerprint _tool = tool ?? ToolFingerprint.Current;
    private readonly Lock _logGate = new();

    /// <summary>Runs the pipeline (or, with <see cref="PipelineSettings.DryRun"/>, plans it).</summary>
    /// <exception cref="PipelineException">The run cannot start (locked or misused output directory, missing notebook, ...).</exception>
    public async Task<PipelineResult> RunAsync(CancellationToken cancellationToken)
    {
        var outDir = Path.GetFullPath(settings.OutputDirectory);
        using var outputLock = settings.DryRun ? null : OutputLock.Acquire(outDir);
        var started = DateTimeOffset.UtcNow;
        var (extracts, generated, scratch) = PrepareExtracts(outDir);
        try
        {
            return await RunAsync(outDir, extracts, generated, started, cancellationToken);
        }
        finally
        {
            if (scratch is not null)
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private async Task<PipelineResult> RunAsync(string outDir, string extracts, GeneratedExtracts? generated, DateTimeOffset started, CancellationToken cancellationToken)
    {
        if (!settings.DryRun)
        {
            // The record describes a finished run: the one of an earlier run must not outlive the outputs it describes.
            File.Delete(Path.Combine(outDir, ProvenanceRecord.FileName));
        }

        // The inputs are hashed once, before anything reads them (a file changed meanwhile is then a changed input for the
        // next run); validation, the jobs and the provenance record all use these hashes.
        var inputs = TryHashInputs(extracts);
        var compilation = settings.CompilationFor(InputBytes(extracts));

        // Only the municipalities outlive validation: the typed extract is not held while the reports run.
        var cache = new JobCache(Path.Combine(outDir, OutputLayout.CacheDirectory));
        if (ValidateOrReuse(extracts, outDir, cache, inputs, compilation) is not { } municipalities)
        {
            return new PipelineResult(false, null);
        }

        // The validated extract (gigabytes at national scale) is garbage now: give it back before the reports start.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

        var notebooks = Path.GetFullPath(settings.NotebookDirectory);
        string[] notebookFiles = [Path.Combine(notebooks, JobBuilder.MunicipalNotebook), Path.Combine(notebooks, JobBuilder.SynthesisNotebook)];
        foreach (var missing in notebookFiles.Where(n => !File.Exists(n)))
        {
            throw new PipelineException($"notebook {missing} does not exist (use --notebooks DIR)");
        }

        OutputLayout.CheckInputsAreNotOutputs(outDir, ExtractInputs.Locate(extracts, settings.AllowExternalResources).Select(l => l.FullPath).Concat(notebookFiles));
        inputs ??= ExtractInputs.Hash(extracts, settings.AllowExternalResources);
        var builder = new JobBuilder(notebooks, Path.GetRelativePath(outDir, extracts).Replace('\\', '/'), inputs, _tool);
        var jobs = municipalities.Select(builder.Municipal).ToList();
        var plan = jobs.ToDictionary(j => j.Name, j => Staleness.Reasons(cache.Load(j.Name), j.Dependencies, o => HashOf(outDir, o), settings.Force), StringComparer.Ordinal);
        if (settings.DryRun)
        {
            PrintPlan(outDir, jobs, plan, builder, cache);
            return new PipelineResult(true, null);
        }

        Directory.CreateDirectory(Path.Combine(outDir, NotebookJob.ReportDirectory));
        Directory.CreateDirectory(Path.Combine(outDir, NotebookJob.LogDirectory));
        RemoveOtherJobs(outDir, jobs.Select(j => j.Name).Append(JobBuilder.SynthesisJob).Append(ValidationStep.Name).ToHashSet(StringComparer.Ordinal), cache);
        var total = jobs.Count + 1;
        var done = 0;
        using var gate = new SemaphoreSlim(Math.Max(1, settings.Parallelism));
        var dispatched = 0;
        var synthesisPrepared = 0;
        var records = await Task.WhenAll(jobs.Select(async job =>
        {
            await gate.WaitAsync(cancellationToken);
            Interlocked.Increment(ref dispatched);
            try
            {
                var record = await RunOrReuseAsync(job, plan[job.Name], cache, outDir, compilation, () => Interlocked.Increment(ref done), total, cancellationToken);
                // Once every report has started, the first that ran to end leaves a processor with nothing to do: the
                // synthesis's process (it gets all processors) gets ready there instead of after the last report.
                if (record is { Cached: false } && Volatile.Read(ref dispatched) == jobs.Count && Interlocked.Exchange(ref synthesisPrepared, 1) == 0)
                {
                    runner.Prepare(SynthesisProcess(outDir, compilation), 1);
                }

                return record;
            }
            finally
            {
                gate.Release();
            }
        }));
        if (records.Any(r => r is null))
        {
            Write("a municipal report failed; the synthesis was not run.");
            return new PipelineResult(false, null);
        }

        var synthesis = builder.Synthesis(jobs.ToDictionary(j => j.Name, j => HashOf(outDir, j.Results)!, StringComparer.Ordinal));
        var synthesisReasons = Staleness.Reasons(cache.Load(synthesis.Name), synthesis.Dependencies, o => HashOf(outDir, o), settings.Force);
        if (await RunOrReuseAsync(synthesis, synthesisReasons, cache, outDir, compilation, () => total, total, cancellationToken) is not { } synthesisRecord)
        {
            return new PipelineResult(false, null);
        }

        var allJobs = jobs.Append(synthesis).ToList();
        IndexPage.Write(Path.Combine(outDir, OutputLayout.IndexFile), jobs.Select(j => j.Name).ToList(), extracts);
        var provenance = new ProvenanceRecord
        {
            Tool = _tool,
            StartedAt = started,
            FinishedAt = DateTimeOffset.UtcNow,
            Extracts = new ExtractRecord(Path.GetRelativePath(outDir, extracts).Replace('\\', '/'), settings.AllowExternalResources, generated, inputs),
            Notebooks = new NotebookRecord(settings.NotebooksShippedWithTool ? null : Path.GetRelativePath(outDir, notebooks).Replace('\\', '/'),
                notebookFiles.Select(n => FileHash.Of(n, notebooks)).ToList()),
            Jobs = [.. records!, synthesisRecord],
            Results = allJobs.Select(j => FileHash.Of(Path.Combine(outDir, j.Results), outDir)).ToList(),
            Outputs = allJobs.SelectMany(j => j.Outputs.Append(j.Log))
                .Append(OutputLayout.IndexFile).Append(OutputLayout.ValidationFile)
                .Select(o => Path.Combine(outDir, o))
                .Where(File.Exists)
                .Select(o => FileHash.Of(o, outDir))
                .ToList(),
        };
        provenance.Save(Path.Combine(outDir, ProvenanceRecord.FileName));
        return new PipelineResult(true, provenance);
    }

    private (string Directory, GeneratedExtracts? Generated, string? Scratch) PrepareExtracts(string outDir)
    {
        if (settings.ExtractDirectory is { } given)
        {
            return (Path.GetFullPath(given), null, null);
        }

        var generate = settings.GenerateExtracts ?? throw new PipelineException("no extract directory was given and no generator either");
        // A dry run writes nothing into the output directory: it generates into a scratch directory to hash the inputs.
        var scratch = settings.DryRun ? Directory.CreateTempSubdirectory("research-dry-run-").FullName : null;
        var directory = scratch ?? Path.Combine(outDir, OutputLayout.ExtractDirectory);
        var watch = Stopwatch.StartNew();
        var generated = generate(directory);
        Write(string.Create(CultureInfo.InvariantCulture, $"generated synthetic extracts (seed {generated.Seed}) in {watch.Elapsed.TotalSeconds:F1} s"));
        return (directory, generated, scratch);
    }

    // A descriptor too broken to name the inputs, or an unreadable file, is left to validation, which reports it.
    private IReadOnlyList<InputFile>? TryHashInputs(string extracts)
    {
        try
        {
            return ExtractInputs.Hash(extracts, settings.AllowExternalResources);
        }
        catch (Exception e) when (e is DescriptorException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Sized before validation, which may start the workers; an extract too broken to size fails validation anyway.
    private long InputBytes(string extracts)
    {
        try
        {
            return ExtractInputs.TotalBytes(extracts, settings.AllowExternalResources);
        }
        catch (Exception e) when (e is DescriptorException or IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private IReadOnlyList<string>? ValidateOrReuse(string extracts, string outDir, JobCache cache, IReadOnlyList<InputFile>? inputs, CodeCompilation compilation)
    {
        var dependencies = inputs is null ? null : ValidationStep.Dependencies(inputs, _tool, settings.AllowExternalResources);
        if (dependencies is not null)
        {
            // A recorded run's validation is judged in its own directory, and stands even under --force (see the setting).
            var from = settings.RecordedValidationDirectory is { } recorded ? Path.GetFullPath(recorded) : outDir;
            var entry = new JobCache(Path.Combine(from, OutputLayout.CacheDirectory)).Load(ValidationStep.Name);
            var reasons = Staleness.Reasons(entry, dependencies, o => HashOf(from, o), settings.Force && from == outDir)
                .Select(r => r.Kind == RerunReasonKind.NeverRun && from != outDir ? r with { Subject = RecordedRun } : r)
                .ToList();
            if (reasons.Count == 0 && settings.WriteExtractCache && !ExtractCacheIsIntact(extracts))
            {
                reasons.Add(new RerunReason(RerunReasonKind.OutputMissing, $"{ExtractCache.DirectoryName} (the extract cache the reports read)"));
            }

            if (reasons.Count == 0 && entry?.Municipalities is { } known)
            {
                if (from != outDir && !settings.DryRun)
                {
                    AtomicFile.WriteText(Path.Combine(outDir, OutputLayout.ValidationFile), File.ReadAllText(Path.Combine(from, OutputLayout.ValidationFile)));
                    cache.Store(entry);
                }

                var where = from == outDir ? string.Empty : $" by {RecordedRun}";
                Write(string.Create(CultureInfo.InvariantCulture, $"validation: up to date (validated {entry.ProducedAt:yyyy-MM-dd HH:mm:ss} UTC{where}; see {OutputLayout.ValidationFile})"));
                return known;
            }

            Write($"validation: runs because {string.Join("; ", reasons.Count == 0 ? [new RerunReason(RerunReasonKind.NeverRun)] : reasons)}");
        }

        if (!settings.DryRun)
        {
            cache.Remove(ValidationStep.Name);

            // Extracts that need validating are new or changed, so reports will run: their workers start now and get
            // ready while this process validates on one core.
            runner.Prepare(new JobProcess(outDir, settings.MemoryLimitBytes, settings.ProcessorsPerJob, compilation), Math.Max(1, settings.Parallelism));
        }

        var watch = Stopwatch.StartNew();
        var municipalities = Validate(extracts, outDir);
        if (municipalities is not null && dependencies is not null && !settings.DryRun)
        {
            var report = FileHash.Of(Path.Combine(outDir, OutputLayout.ValidationFile), outDir);
            cache.Store(CacheEntry.For(ValidationStep.Name, dependencies, [report], DateTimeOffset.UtcNow, Math.Round(watch.Elapsed.TotalSeconds, 1)) with { Municipalities = municipalities });
        }

        return municipalities;
    }

    private bool ExtractCacheIsIntact(string extracts)
    {
        try
        {
            ExtractCache.VerifiedFiles(extracts, settings.AllowExternalResources);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // validation says why when it writes the cache again
        }
    }

    private IReadOnlyList<string>? Validate(string extracts, string outDir)
    {
        var (extract, report) = Extract.Read(extracts, extraChecks: (e, sink) => ResponseRangeCheck.Run(e, sink, BundledInstruments.Catalog),
            allowExternalResources: settings.AllowExternalResources, writeCache: settings.WriteExtractCache && !settings.DryRun);
        var text = report.Format(100);
        if (!settings.DryRun)
        {
            AtomicFile.WriteText(Path.Combine(outDir, OutputLayout.ValidationFile), text);
        }

        if (!report.IsValid || extract is null)
        {
            Write($"the extracts in {extracts} are invalid; nothing was run.");
            Write(text.TrimEnd());
            return null;
        }

        Write(string.Create(CultureInfo.InvariantCulture, $"validated the extracts: 0 errors, {report.WarningCount} warnings (see {OutputLayout.ValidationFile})"));
        if (extract.CacheNote is { } note)
        {
            Write(note);
        }

        return Municipalities(extract);
    }

    private static IReadOnlyList<string> Municipalities(Extract extract)
    {
        var present = extract.Participants!.Strings("municipality").Levels.ToHashSet(StringComparer.Ordinal);
        var names = extract.Experiments.Experiments.Select(e => e.Municipality).Where(present.Contains).ToList();
        foreach (var name in names.Where(n => !JobName().IsMatch(n) || n == JobBuilder.SynthesisJob || n == ValidationStep.Name))
        {
            // Job names become file names: a design catalogue must not name a report "../x" or "synthesis".
            throw new PipelineException($"the municipality \"{PrintableText.Escape(name)}\" cannot name a report; use lower-case letters, digits, '-' and '_'");
        }

        return names;
    }

    private async Task<JobRecord?> RunOrReuseAsync(NotebookJob job, IReadOnlyList<RerunReason> reasons, JobCache cache, string outDir, CodeCompilation compilation,
        Func<int> nextNumber, int total, CancellationToken cancellationToken)
    {
        var parameters = job.Parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        if (reasons.Count == 0 && cache.Load(job.Name) is { } entry)
        {
            Write(string.Create(CultureInfo.InvariantCulture, $"[{nextNumber()}/{total}] {job.Name}: up to date (produced {entry.ProducedAt:yyyy-MM-dd HH:mm:ss} UTC)"));
            return new JobRecord(job.Name, Path.GetFileName(job.Notebook), parameters, Cached: true, entry.ProducedAt, entry.Seconds, [], entry.Outputs);
        }

        Write($"{job.Name}: runs because {string.Join("; ", reasons)}");
        cache.Remove(job.Name);
        foreach (var stale in job.Outputs.Select(o => Path.Combine(outDir, o)))
        {
            File.Delete(stale); // a link is removed, not followed
        }

        var watch = Stopwatch.StartNew();
        var ending = await RunJobAsync(job, outDir, compilation, cancellationToken);
        var seconds = Math.Round(watch.Elapsed.TotalSeconds, 1);
        if (Problem(job, ending, outDir) is { } problem)
        {
            File.Delete(Path.Combine(outDir, job.Results)); // the results of a failed run are not kept
            ReportFailure(job, outDir, nextNumber(), total, problem);
            return null;
        }

        var producedAt = DateTimeOffset.UtcNow;
        var outputs = job.Outputs.Select(o => FileHash.Of(Path.Combine(outDir, o), outDir)).ToList();
        cache.Store(CacheEntry.For(job.Name, job.Dependencies, outputs, producedAt, seconds));
        Write(string.Create(CultureInfo.InvariantCulture, $"[{nextNumber()}/{total}] {job.Name}: done in {seconds:F1} s"));
        return new JobRecord(job.Name, Path.GetFileName(job.Notebook), parameters, Cached: false, producedAt, seconds, reasons.Select(r => r.ToString()).ToList(), outputs);
    }

    private JobProcess SynthesisProcess(string outDir, CodeCompilation compilation) =>
        new(outDir, settings.MemoryLimitBytes, settings.ProcessorsForSynthesis, compilation);

    private async Task<JobEnding> RunJobAsync(NotebookJob job, string outDir, CodeCompilation compilation, CancellationToken cancellationToken)
    {
        try
        {
            var request = new JobRequest(job, outDir, settings.CellTimeout, settings.MemoryLimitBytes, settings.AllowExternalResources)
            {
                Processors = job.Name == JobBuilder.SynthesisJob ? settings.ProcessorsForSynthesis : settings.ProcessorsPerJob,
                Compilation = compilation,
            };
            return await runner.RunAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new JobEnding(-1, e.Message);
        }
    }

    // Every way a child can end is a message, never an exception: a crash, a kill, an exit 0 before all outputs were
    // written (a cell calling Environment.Exit after the result file), a result file that cannot be read.
    private string? Problem(NotebookJob job, JobEnding ending, string outDir)
    {
        if (!ending.ExitedNormally)
        {
            var logFile = Path.Combine(outDir, job.Log);
            var outOfMemory = File.Exists(logFile) && File.ReadLines(logFile).Any(l => l.Contains("OutOfMemoryException", StringComparison.Ordinal));
            return outOfMemory && settings.MemoryLimitBytes is { } limit
                ? $"{ending.Describe()}; it ran out of memory (limit {MemoryLimit.Format(limit)} per notebook; raise it with --memory-limit)"
                : ending.Describe();
        }

        var missing = job.Outputs.Where(o => !File.Exists(Path.Combine(outDir, o))).ToList();
        if (missing.Count > 0)
        {
            return $"exited 0 but did not write {string.Join(", ", missing)} (did a cell end the process?)";
        }

        return ResultFiles.Problem(Path.Combine(outDir, job.Results)) is { } unreadable ? $"wrote a result file that cannot be read: {unreadable}" : null;
    }

    private void ReportFailure(NotebookJob job, string outDir, int number, int total, string problem)
    {
        var logFile = Path.Combine(outDir, job.Log);
        var tail = File.Exists(logFile) ? File.ReadLines(logFile).TakeLast(LogTailLines).ToList() : [];

        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"[{number}/{total}] {job.Name}: FAILED: {problem}"),
            $"  executed cells: {job.ExecutedNotebook}; log: {job.Log}" + (tail.Count > 0 ? "; its end:" : string.Empty),
        };
        lines.AddRange(tail.Select(l => "    " + PrintableText.Escape(l)));
        Write(string.Join('\n', lines));
    }

    private void PrintPlan(string outDir, IReadOnlyList<NotebookJob> jobs, IReadOnlyDictionary<string, IReadOnlyList<RerunReason>> plan, JobBuilder builder, JobCache cache)
    {
        foreach (var job in jobs)
        {
            Write(Planned(job.Name, plan[job.Name], cache));
        }

        var synthesis = builder.Synthesis(jobs.ToDictionary(j => j.Name, j => HashOf(outDir, j.Results) ?? "missing", StringComparer.Ordinal));
        var reasons = Staleness.Reasons(cache.Load(synthesis.Name), synthesis.Dependencies, o => HashOf(outDir, o), settings.Force).ToList();
        if (reasons.Count == 0 || reasons.All(r => r.Kind != RerunReasonKind.Forced && r.Kind != RerunReasonKind.NeverRun))
        {
            reasons.AddRange(jobs.Where(j => plan[j.Name].Count > 0).Select(j => new RerunReason(RerunReasonKind.UpstreamRuns, j.Name)));
        }

        Write(Planned(synthesis.Name, reasons, cache));
        Write("dry run: nothing was run or written.");
    }

    private static string Planned(string name, IReadOnlyList<RerunReason> reasons, JobCache cache) => reasons.Count == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{name}: up to date (produced {cache.Load(name)!.ProducedAt:yyyy-MM-dd HH:mm:ss} UTC)")
        : $"{name}: would run because {string.Join("; ", reasons)}";

    // Reports of municipalities that are no longer in the extract would otherwise be read by the synthesis.
    private static void RemoveOtherJobs(string outDir, IReadOnlySet<string> current, JobCache cache)
    {
        var reports = Path.Combine(outDir, NotebookJob.ReportDirectory);
        if (!Directory.Exists(reports))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(reports))
        {
            var name = Path.GetFileName(file);
            var job = name.EndsWith(".results.json", StringComparison.Ordinal) ? name[..^".results.json".Length] : Path.GetFileNameWithoutExtension(name);
            if (!current.Contains(job))
            {
                File.Delete(file);
                File.Delete(Path.Combine(outDir, NotebookJob.LogDirectory, job + ".log"));
                cache.Remove(job);
            }
        }
    }

    private static string? HashOf(string outDir, string relative)
    {
        var path = Path.Combine(outDir, relative);
        return File.Exists(path) ? FileHash.OfFile(path) : null;
    }

    private void Write(string line)
    {
        lock (_logGate)
        {
            log.WriteLine(line);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex JobName();
}
