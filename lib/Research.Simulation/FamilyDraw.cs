using Research.Analysis.Inference;
using Research.Data.Design;

namespace Research.Simulation;

/// <summary>The primary family of one site in one replication: whether any arm's primary hypothesis was rejected after Holm's correction.</summary>
/// <param name="Replication">The replication.</param>
/// <param name="World">No effects or planted effects.</param>
/// <param name="Experiment">The site.</param>
/// <param name="Method">The inference method.</param>
/// <param name="Rule">Which interval of the method's result is read.</param>
/// <param name="AnyRejected">Whether Holm rejected at least one arm at 5% (false when the estimator failed).</param>
/// <param name="Failed">Whether the estimator could not produce a result.</param>
public sealed record FamilyDraw(int Replication, World World, Experiment Experiment, InferenceMethod Method, IntervalRule Rule, bool AnyRejected, bool Failed);
