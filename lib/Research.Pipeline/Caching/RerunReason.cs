namespace Research.Pipeline.Caching;

/// <summary>Why a job runs (the reasons R's <c>targets</c> prints with <c>tar_outdated</c>/<c>tar_make</c>).</summary>
public enum RerunReasonKind
{
    /// <summary><c>--force</c> was given.</summary>
    Forced,

    /// <summary>
    /// The job has no (readable) cache entry: it never ran successfully into this output directory, or into the one named
    /// by the subject (a recorded run whose entry <c>verify</c> judges).
    /// </summary>
    NeverRun,

    /// <summary>A dependency has another hash than in the cache entry.</summary>
    Changed,

    /// <summary>The job depends on something it did not depend on before.</summary>
    Added,

    /// <summary>The job no longer depends on something it did depend on.</summary>
    Removed,

    /// <summary>An output the entry records is gone.</summary>
    OutputMissing,

    /// <summary>An output is no longer the bytes the run wrote.</summary>
    OutputChanged,

    /// <summary>A job this one reads will run first (dry run: its result may change).</summary>
    UpstreamRuns,
}

/// <summary>One reason for running a job.</summary>
/// <param name="Kind">The kind of reason.</param>
/// <param name="Subject">What it is about: a dependency key, an output path or a job name.</param>
public sealed record RerunReason(RerunReasonKind Kind, string Subject = "")
{
    /// <summary>The reason as a phrase, e.g. <c>input participants changed</c>.</summary>
    public override string ToString() => Kind switch
    {
        RerunReasonKind.Forced => "--force",
        RerunReasonKind.NeverRun => Subject.Length == 0 ? "no cache entry (not run into this directory before)" : $"no cache entry in {Subject}",
        RerunReasonKind.Changed => $"{Dependency.Describe(Subject)} changed",
        RerunReasonKind.Added => $"{Dependency.Describe(Subject)} is new",
        RerunReasonKind.Removed => $"{Dependency.Describe(Subject)} is no longer used",
        RerunReasonKind.OutputMissing => $"output {Subject} is missing",
        RerunReasonKind.OutputChanged => $"output {Subject} changed since it was written",
        RerunReasonKind.UpstreamRuns => $"{Subject} runs first and its result may change",
        _ => Kind.ToString(),
    };
}
