namespace Research.Analysis.Results;

/// <summary>One declared column of a result table.</summary>
/// <param name="Name">The key in result files, e.g. <c>control_mean</c>.</param>
/// <param name="Kind">What the numbers are.</param>
/// <param name="Header">How a report heads the column, e.g. "Control share".</param>
/// <param name="Unit">The unit of the numbers.</param>
/// <param name="Base">For <see cref="ColumnKind.Share"/> and <see cref="ColumnKind.Amount"/>: the <see cref="ColumnKind.Count"/> column of the same row with the persons the number is taken over.</param>
/// <param name="Describes">For an interval limit or a spread that belongs to a share or amount of the same row (its 95% interval, its SD): that column. Whatever withholds the share or amount withholds this column too, since the interval would reveal it.</param>
public sealed record ResultColumn(string Name, ColumnKind Kind, string Header, ValueUnit Unit = ValueUnit.None, string? Base = null, string? Describes = null)
{
    /// <summary>Whether the column holds text rather than numbers.</summary>
    public bool IsLabel => Kind == ColumnKind.Label;
}
