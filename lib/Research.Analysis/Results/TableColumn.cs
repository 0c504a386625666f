using Research.Analysis.Disclosure;

namespace Research.Analysis.Results;

/// <summary>A declared column, how it reads its value from a record, and what disclosure control needs to know about it.</summary>
internal sealed record TableColumn<T>(ResultColumn Column, Func<T, string?>? Text, Func<T, double?>? Value, Func<T, bool>? When)
{
    /// <summary>How disclosure control treats the column beyond its kind.</summary>
    public ColumnRole Role { get; init; }

    /// <summary>For an exact count: the population counted.</summary>
    public Func<T, Population?>? Population { get; init; }

    /// <summary>For a share: the populations in and out of the status.</summary>
    public Func<T, (Population In, Population Out)?>? SharePopulations { get; init; }

    /// <summary>For a share: its group of shares connected by effects.</summary>
    public Func<T, ShareLink?>? Link { get; init; }

    /// <summary>For an amount: its magnitude for the dominance rule.</summary>
    public Func<T, Magnitude?>? Magnitude { get; init; }
}
