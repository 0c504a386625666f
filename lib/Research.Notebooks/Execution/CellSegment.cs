namespace Research.Notebooks.Execution;

/// <summary>
/// The part of a cell one kernel runs. A cell is split at kernel selector lines (<c>#!fsharp</c>) as .NET Interactive
/// split a submission; every segment keeps the cell's line count (other segments' lines and the selector lines are
/// blank), so line numbers in errors are cell line numbers.
/// </summary>
/// <param name="KernelName">The canonical (or, when unknown, the given) kernel name.</param>
/// <param name="Code">The segment's code, other lines blanked.</param>
internal sealed record CellSegment(string KernelName, string Code);
