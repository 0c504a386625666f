using Research.Scales.Instruments;

namespace Research.Scales.Scoring;

/// <summary>One declared score for every row, stored column-wise.</summary>
public sealed class ScoreColumn
{
    internal ScoreColumn(
        ScoreDefinition definition,
        double?[] values,
        int[] answered,
        IReadOnlyList<string?> missingReasons,
        IReadOnlyDictionary<string, IReadOnlyList<string?>> bands,
        IReadOnlyDictionary<int, IReadOnlyDictionary<string, double>> sampleItemMeans)
    {
        Definition = definition;
        Values = values;
        Answered = answered;
        MissingReasons = missingReasons;
        Bands = bands;
        SampleItemMeans = sampleItemMeans;
    }

    /// <summary>The declaration scored.</summary>
    public ScoreDefinition Definition { get; }

    /// <summary>The score id.</summary>
    public string Id => Definition.Id;

    /// <summary>Number of rows.</summary>
    public int Count => Values.Count;

    /// <summary>Score per row; null when missing.</summary>
    public IReadOnlyList<double?> Values { get; }

    /// <summary>Valid answers per row among the score's items.</summary>
    public IReadOnlyList<int> Answered { get; }

    /// <summary>Reason per row when the score is missing, else null.</summary>
    public IReadOnlyList<string?> MissingReasons { get; }

    /// <summary>Band label per row for each band scheme, keyed by scheme id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string?>> Bands { get; }

    /// <summary>
    /// For <see cref="MissingHandling.SampleItemMean"/>: per imputation group (0 when no groups were given), the
    /// scored-value mean of each item (keyed by column) used for imputation. Empty for other rules.
    /// </summary>
    public IReadOnlyDictionary<int, IReadOnlyDictionary<string, double>> SampleItemMeans { get; }

    /// <summary>The result of one row (band from the first scheme).</summary>
    public ScoreResult this[int row] => new(
        Values[row],
        Definition.BandSchemes.Count == 0 ? null : Bands[Definition.BandSchemes[0].Id][row],
        Answered[row],
        MissingReasons[row]);

    /// <summary>The band of one row in the named scheme.</summary>
    /// <exception cref="KeyNotFoundException">The score has no such scheme.</exception>
    public string? Band(string schemeId, int row) => Bands.TryGetValue(schemeId, out var labels)
        ? labels[row]
        : throw new KeyNotFoundException(
            $"Score {Definition.Id} has no band scheme '{schemeId}'. Declared: {string.Join(", ", Bands.Keys)}.");
}
