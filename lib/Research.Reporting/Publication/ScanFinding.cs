namespace Research.Reporting.Publication;

/// <summary>Something a published output reveals that it must not.</summary>
/// <param name="File">The output file (relative to the scanned directory).</param>
/// <param name="Where">Where in it (table / row / column, chart / trace, cell).</param>
/// <param name="Problem">What a reader can see or derive.</param>
public sealed record ScanFinding(string File, string Where, string Problem)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}: {Where}: {Problem}";
}
