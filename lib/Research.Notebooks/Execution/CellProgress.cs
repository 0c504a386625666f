namespace Research.Notebooks.Execution;

/// <summary>A progress report: a cell started or finished.</summary>
/// <param name="CellNumber">The 1-based cell number.</param>
/// <param name="CellCount">The number of cells in the notebook.</param>
/// <param name="Finished">False when the cell starts, true when it has finished.</param>
/// <param name="Elapsed">The cell's wall time (zero at start).</param>
/// <param name="Failure">The cell's failure, if it failed.</param>
public sealed record CellProgress(int CellNumber, int CellCount, bool Finished, TimeSpan Elapsed, CellFailure? Failure);
