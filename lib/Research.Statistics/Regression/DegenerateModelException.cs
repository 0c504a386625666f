namespace Research.Statistics.Regression;

/// <summary>
/// The data make the requested model degenerate (rank-deficient design, perfect separation, constant outcome,
/// too few clusters, leverage one, ...). The message says what was found and where.
/// </summary>
public sealed class DegenerateModelException : InvalidOperationException
{
    /// <summary>Creates the exception with a message that names the offending column, row or cluster.</summary>
    public DegenerateModelException(string message)
        : base(message)
    {
    }
}
