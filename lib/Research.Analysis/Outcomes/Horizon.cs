using System.Globalization;

namespace Research.Analysis.Outcomes;

/// <summary>
/// A month relative to randomisation (month 0 is the calendar month of randomisation, month 1 the next): either a fixed
/// number of months, or a per-person month taken from the person's experiment design (end of the intervention, primary
/// horizon). An <see cref="int"/> converts to a fixed month.
/// </summary>
public readonly record struct Horizon
{
    private enum Kind
    {
        Fixed,
        EndOfIntervention,
        Primary,
    }

    private readonly Kind _kind;

    private Horizon(Kind kind, int months)
    {
        _kind = kind;
        Months = months;
    }

    /// <summary>The fixed month; 0 for the per-person horizons.</summary>
    public int Months { get; }

    /// <summary>Whether the month is the same for everyone.</summary>
    public bool IsFixed => _kind == Kind.Fixed;

    /// <summary>The fixed month <paramref name="months"/> after randomisation (negative: before).</summary>
    public static Horizon Month(int months) => new(Kind.Fixed, months);

    /// <summary>The month containing the last day of the person's experiment's intervention period ("end of experiment").</summary>
    public static Horizon EndOfIntervention { get; } = new(Kind.EndOfIntervention, 0);

    /// <summary>The pre-registered primary horizon of the person's experiment.</summary>
    public static Horizon Primary { get; } = new(Kind.Primary, 0);

    /// <summary>A fixed month.</summary>
    public static implicit operator Horizon(int months) => Month(months);

    /// <summary>Resolves the horizon for one person.</summary>
    internal int Resolve(int interventionEnd, int primary) => _kind switch
    {
        Kind.EndOfIntervention => interventionEnd,
        Kind.Primary => primary,
        _ => Months,
    };

    /// <inheritdoc />
    public override string ToString() => _kind switch
    {
        Kind.EndOfIntervention => "end of intervention",
        Kind.Primary => "primary horizon",
        _ => string.Create(CultureInfo.InvariantCulture, $"month {Months:+0;-0;0}"),
    };
}
