using System.Globalization;
using System.Text.Json;
using Research.Analysis.Reports;

namespace Research.Analysis.Tests.Reports;

public sealed class CaseworkerIccTests
{
    [Fact]
    public void Matches_the_statsmodels_anova_reference()
    {
        var lines = File.ReadAllLines(Path.Combine("Fixtures", "Reports", "icc_data.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var clusters = lines.Select(l => l[0]).ToList();
        var values = lines.Select(l => double.Parse(l[1], CultureInfo.InvariantCulture)).ToList();
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine("Fixtures", "Reports", "icc_expected.json")));
        var (icc, size, variation) = CaseworkerIcc.Estimate(values, clusters);
        Assert.Equal(expected.RootElement.GetProperty("icc").GetDouble(), icc, 1e-10);
        Assert.Equal(expected.RootElement.GetProperty("mean_cluster_size").GetDouble(), size, 1e-12);
        Assert.Equal(expected.RootElement.GetProperty("size_variation").GetDouble(), variation, 1e-12);
    }

    [Fact]
    public void Is_zero_when_caseworkers_do_not_differ_and_one_when_they_explain_everything()
    {
        Assert.Equal(0, CaseworkerIcc.Estimate([1, 0, 1, 0], ["a", "a", "b", "b"]).Icc);
        Assert.Equal(1, CaseworkerIcc.Estimate([1, 1, 0, 0], ["a", "a", "b", "b"]).Icc, 12);
    }

    [Fact]
    public void Rejects_a_single_caseworker_with_a_clear_message()
    {
        var e = Assert.Throws<ArgumentException>(() => CaseworkerIcc.Estimate([1, 0], ["a", "a"]));
        Assert.Contains("at least two caseworkers", e.Message, StringComparison.Ordinal);
    }
}
