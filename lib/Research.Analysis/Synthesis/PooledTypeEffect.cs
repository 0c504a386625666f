using Research.Analysis.Reports;
using Research.Statistics.Regression;

namespace Research.Analysis.Synthesis;

/// <summary>One intervention type's effect in the pooled individual-level model.</summary>
/// <param name="Type">The intervention type.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Horizon">Months after randomisation.</param>
/// <param name="Coefficient">The type's coefficient (CR2 by caseworker).</param>
/// <param name="N">Persons in the model.</param>
/// <param name="NType">Persons of the type.</param>
/// <param name="Clusters">Caseworkers.</param>
public sealed record PooledTypeEffect(string Type, ReportOutcome Outcome, int Horizon, Coefficient Coefficient, int N, int NType, int Clusters);
