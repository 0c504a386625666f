using System.Runtime.ExceptionServices;

namespace Research.Analysis.Reports;

/// <summary>One computation of a <see cref="SectionSchedule"/>: run once, by whichever thread takes it.</summary>
internal abstract class ScheduledSection
{
    /// <summary>What the computation threw, with its original stack trace; null when it succeeded or has not run.</summary>
    public ExceptionDispatchInfo? Failure { get; private set; }

    /// <summary>Runs the computation; false when it threw (kept in <see cref="Failure"/>).</summary>
    public bool TryRun()
    {
        try
        {
            Compute();
            return true;
        }
        catch (Exception exception)
        {
            Failure = ExceptionDispatchInfo.Capture(exception);
            return false;
        }
    }

    /// <summary>Computes and keeps the result.</summary>
    protected abstract void Compute();
}
