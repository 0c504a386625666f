namespace Research.Statistics.Indices;

/// <summary>An inverse-covariance-weighted summary index and how it was built.</summary>
/// <param name="Values">The index per respondent (NaN when fewer than the minimum number of components are present).</param>
/// <param name="ComponentCounts">Number of non-missing components per respondent.</param>
/// <param name="Components">Component names, in input order.</param>
/// <param name="Weights">Anderson's weight of each component: the row sums of the inverse covariance of the standardised components.</param>
/// <param name="ControlMeans">Control-group mean of each component (original scale and sign).</param>
/// <param name="ControlStandardDeviations">Control-group standard deviation (n − 1) of each component.</param>
/// <param name="Covariance">Pairwise-complete covariance of the standardised, sign-aligned components.</param>
/// <param name="Notes">Remarks, e.g. a negative weight (a component nearly redundant given the others).</param>
public sealed record SummaryIndexResult(
    IReadOnlyList<double> Values,
    IReadOnlyList<int> ComponentCounts,
    IReadOnlyList<string> Components,
    IReadOnlyList<double> Weights,
    IReadOnlyList<double> ControlMeans,
    IReadOnlyList<double> ControlStandardDeviations,
    IReadOnlyList<IReadOnlyList<double>> Covariance,
    IReadOnlyList<string> Notes);
