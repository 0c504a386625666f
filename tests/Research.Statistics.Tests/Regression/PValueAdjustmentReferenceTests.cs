using Research.Statistics.Multiplicity;

namespace Research.Statistics.Tests.Regression;

/// <summary>Holm and Benjamini–Hochberg against R's p.adjust (ties, a 1 and tiny values included).</summary>
public sealed class PValueAdjustmentReferenceTests
{
    private static readonly List<Dictionary<string, string>> Rows = RegressionFixtures.ReadCsv("reference_p_adjust.csv");
    private static readonly double[] P = Rows.Select(r => RegressionFixtures.Parse(r["p"])).ToArray();

    [Fact]
    public void Holm_matches_p_adjust()
    {
        var adjusted = PValueAdjustment.Holm(P);
        for (var i = 0; i < P.Length; i++)
        {
            RegressionFixtures.Close(RegressionFixtures.Parse(Rows[i]["holm"]), adjusted[i], 1e-14, $"holm[{i}]");
        }
    }

    [Fact]
    public void Benjamini_Hochberg_matches_p_adjust()
    {
        var adjusted = PValueAdjustment.BenjaminiHochberg(P);
        for (var i = 0; i < P.Length; i++)
        {
            RegressionFixtures.Close(RegressionFixtures.Parse(Rows[i]["bh"]), adjusted[i], 1e-14, $"bh[{i}]");
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Invalid_p_values_are_rejected(double bad)
    {
        var error = Assert.Throws<ArgumentException>(() => PValueAdjustment.Holm([0.1, bad]));
        Assert.Contains("element 1", error.Message, StringComparison.Ordinal);
    }
}
