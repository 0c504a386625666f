namespace Research.Simulation;

/// <summary>A reason an estimate could not be made in the study, and how many times it occurred.</summary>
/// <param name="Message">The estimator's message.</param>
/// <param name="Count">Occurrences over all replications, worlds and sites.</param>
public sealed record FailureCount(string Message, int Count);
