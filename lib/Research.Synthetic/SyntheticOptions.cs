namespace Research.Synthetic;

/// <summary>What to generate.</summary>
public sealed record SyntheticOptions
{
    /// <summary>The seed; the same seed gives byte-identical files on every machine and culture.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Multiplies each municipality's invited and participant counts (400,000 persons at about 116).</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>Replace files already in the output directory.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Degree of parallelism for generating persons (output is identical for every value).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
