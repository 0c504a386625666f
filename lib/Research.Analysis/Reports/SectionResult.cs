namespace Research.Analysis.Reports;

/// <summary>A computation of a <see cref="SectionSchedule"/> that gives a <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The section's result.</typeparam>
internal sealed class SectionResult<T> : ScheduledSection
{
    private readonly Func<T> _compute;
    private T? _value;
    private bool _done;

    public SectionResult(Func<T> compute) => _compute = compute;

    /// <summary>The result, once <see cref="SectionSchedule.Run"/> has returned.</summary>
    /// <exception cref="InvalidOperationException">The schedule has not run, or this section did not complete.</exception>
    public T Value => _done ? _value! : throw new InvalidOperationException("the section has not been computed: run its schedule first");

    protected override void Compute()
    {
        _value = _compute();
        _done = true;
    }
}
