namespace Research.Statistics.Design;

/// <summary>What a model does with rows that have a missing (NaN) outcome, covariate, weight or cluster id.</summary>
public enum MissingValuePolicy
{
    /// <summary>Throw an error naming the first offending column and row (the default: nothing is dropped silently).</summary>
    Error,

    /// <summary>Drop incomplete rows; the result reports how many rows were dropped.</summary>
    ListwiseDeletion,
}
