namespace Research.Analysis.Outcomes;

/// <summary>The statuses of one person-month, packed in a byte of the panel.</summary>
[Flags]
internal enum CellFlags : byte
{
    None = 0,

    /// <summary>The register has the month (without it every other bit is meaningless).</summary>
    Observed = 1,

    /// <summary>Benefit independence.</summary>
    OffBenefit = 2,

    /// <summary>Partial plus full outflow.</summary>
    PartialOrFull = 4,

    /// <summary>Full outflow.</summary>
    Full = 8,
}
