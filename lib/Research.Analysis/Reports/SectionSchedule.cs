namespace Research.Analysis.Reports;

/// <summary>
/// Independent computations (a report's sections) run side by side, at most <c>parallelism</c> at a time, each taken
/// in the order it was added.
/// </summary>
/// <remarks>
/// <para>
/// A report's sections read one immutable <see cref="ReportContext"/> and share only thread-safe caches (the factored
/// designs, the outcome panels per definition), and a section's result does not depend on which thread computed it or
/// when; so the report is the one a sequential computation gives, number for number.
/// </para>
/// <para>
/// Failure is as in a sequential computation: sections later in order than one that failed are not started, and
/// <see cref="Run"/> rethrows the exception of the first section in order that failed, with its original type and
/// stack trace (every section before it was started, as they are taken in order, and has finished).
/// </para>
/// <para>Not thread-safe: one thread adds the sections, runs them (taking part itself) and reads the results.</para>
/// </remarks>
internal sealed class SectionSchedule
{
    private readonly List<ScheduledSection> _sections = [];
    private readonly int _parallelism;

    /// <summary>A schedule running at most <paramref name="parallelism"/> sections at a time.</summary>
    public SectionSchedule(int parallelism)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parallelism);
        _parallelism = parallelism;
    }

    /// <summary>Adds <paramref name="compute"/>, whose result is read from the returned section after <see cref="Run"/>.</summary>
    public SectionResult<T> Add<T>(Func<T> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var section = new SectionResult<T>(compute);
        _sections.Add(section);
        return section;
    }

    /// <summary>Computes every section; the calling thread computes sections too.</summary>
    public void Run()
    {
        var next = -1;
        var firstFailed = int.MaxValue;

        void Work()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < _sections.Count && index < Volatile.Read(ref firstFailed))
            {
                if (!_sections[index].TryRun())
                {
                    int seen;
                    while (index < (seen = Volatile.Read(ref firstFailed)) && Interlocked.CompareExchange(ref firstFailed, index, seen) != seen)
                    {
                    }
                }
            }
        }

        var helpers = Enumerable.Range(1, Math.Max(0, Math.Min(_parallelism, _sections.Count) - 1)).Select(_ => Task.Run(Work)).ToArray();
        Work();
        Task.WaitAll(helpers);
        if (firstFailed < _sections.Count)
        {
            _sections[firstFailed].Failure!.Throw();
        }
    }
}
