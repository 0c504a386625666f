using System.Globalization;

namespace Research.Statistics.Inference;

/// <summary>A Wald test of q linear restrictions Rb = r, in F and χ² form.</summary>
/// <param name="Hypothesis">Readable statement of the restrictions.</param>
/// <param name="F">W / q.</param>
/// <param name="NumeratorDf">q, the number of restrictions.</param>
/// <param name="DenominatorDf">Denominator df of the F reference (+∞: the F form equals χ²/q).</param>
/// <param name="PValue">P(F(q, df) &gt; F).</param>
/// <param name="ChiSquare">W = (Rb − r)'(RVR')⁻¹(Rb − r).</param>
/// <param name="ChiSquarePValue">P(χ²(q) &gt; W).</param>
public sealed record WaldTestResult(
    string Hypothesis, double F, int NumeratorDf, double DenominatorDf, double PValue, double ChiSquare, double ChiSquarePValue)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Wald test of {Hypothesis}: F({NumeratorDf}, {(double.IsPositiveInfinity(DenominatorDf) ? "inf" : DenominatorDf.ToString("0.##", CultureInfo.InvariantCulture))}) = {F:F4}, p = {PValue:G4}; chi2({NumeratorDf}) = {ChiSquare:F4}, p = {ChiSquarePValue:G4}");
}
