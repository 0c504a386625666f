namespace Research.Analysis.Inference;

/// <summary>
/// What fixes Lin's factored design within one <see cref="EffectPopulation"/>: the persons (population rows, ascending),
/// whether the variance clusters by caseworker (CR2) or not (HC2), and the confidence level of the fits. Equal keys
/// give equal designs because arms, caseworkers and covariates are the population's (see <see cref="EffectData"/>).
/// </summary>
internal sealed class LinDesignKey : IEquatable<LinDesignKey>
{
    private readonly int[] _rows;
    private readonly bool _clustered;
    private readonly double _confidenceLevel;
    private readonly int _hash;

    public LinDesignKey(IReadOnlyList<int> rows, bool clustered, double confidenceLevel)
    {
        _rows = [.. rows];
        _clustered = clustered;
        _confidenceLevel = confidenceLevel;
        var hash = new HashCode();
        foreach (var row in _rows)
        {
            hash.Add(row);
        }

        hash.Add(clustered);
        hash.Add(confidenceLevel);
        _hash = hash.ToHashCode();
    }

    /// <summary>The number of persons (the cache's measure of size).</summary>
    public int Count => _rows.Length;

    public bool Equals(LinDesignKey? other) =>
        other is not null && other._clustered == _clustered && other._confidenceLevel.Equals(_confidenceLevel) && other._rows.AsSpan().SequenceEqual(_rows);

    public override bool Equals(object? obj) => Equals(obj as LinDesignKey);

    public override int GetHashCode() => _hash;
}
