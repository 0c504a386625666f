using System.Text.Json;
using Research.Statistics.Indices;

namespace Research.Statistics.Tests.Indices;

/// <summary>
/// Anderson's summary index against a hand-written R computation (Fixtures/Indices/make_fixtures.R): five components,
/// one with lower-is-better, item nonresponse and respondents with no component at all; full-sample and control-only
/// covariance, both scales, a minimum number of components.
/// </summary>
public sealed class SummaryIndexReferenceTests
{
    private static readonly string[] Names = ["who5", "k10", "swls", "mastery", "ladder"];
    private static readonly Lazy<JsonElement> Fixture = new(() => ReferenceFixture.Load("Indices", "summary_index_cases.json"));

    public static TheoryData<string> Cases() => new(Fixture.Value.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Agrees_with_the_hand_written_R_computation(string name)
    {
        var c = Fixture.Value.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var options = new SummaryIndexOptions(
            Enum.Parse<IndexCovarianceSample>(c.GetProperty("sample").GetString()!), Enum.Parse<IndexScale>(c.GetProperty("scale").GetString()!), (int)c.Double("minimum"));

        var index = SummaryIndex.Compute(Components(), Control(), options);

        AssertClose.Equal(c.Doubles("weights"), index.Weights, 1e-10, 1e-14, "weights");
        AssertClose.Equal(c.Doubles("means"), index.ControlMeans, 1e-12, 1e-14, "control means");
        AssertClose.Equal(c.Doubles("sds"), index.ControlStandardDeviations, 1e-12, 1e-14, "control SDs");
        AssertClose.Equal(c.Doubles("covariance"), index.Covariance.SelectMany(r => r).ToArray(), 1e-12, 1e-14, "covariance");
        Assert.Equal(c.Doubles("count").Select(v => (int)v), index.ComponentCounts);
        var expected = c.DoublesWithMissing("index");
        Assert.Equal(expected.Select(double.IsNaN), index.Values.Select(double.IsNaN));
        AssertClose.Equal(expected.Where(v => !double.IsNaN(v)).ToArray(), index.Values.Where(v => !double.IsNaN(v)).ToArray(), 1e-10, 1e-12, "index");
        Assert.True(index.Values.Count(double.IsNaN) >= 4);
    }

    [Fact]
    public void Flipping_a_component_and_its_direction_changes_nothing()
    {
        var components = Components();
        var flipped = components.Select(c => c.Name == "k10" ? c with { Values = c.Values.Select(v => -v).ToArray(), HigherIsBetter = true } : c).ToArray();

        var a = SummaryIndex.Compute(components, Control());
        var b = SummaryIndex.Compute(flipped, Control());

        AssertClose.Equal(a.Values.Where(v => !double.IsNaN(v)).ToArray(), b.Values.Where(v => !double.IsNaN(v)).ToArray(), 1e-12, 1e-12);
    }

    [Fact]
    public void A_component_without_control_variation_is_an_error()
    {
        var control = Control();
        var constant = control.Select(c => c ? 3.0 : 4.0).ToArray();

        var e = Assert.Throws<ArgumentException>(() => SummaryIndex.Compute([.. Components(), new IndexComponent("constant", constant)], control));

        Assert.Contains("'constant' does not vary in the control group", e.Message, StringComparison.Ordinal);
    }

    private static IndexComponent[] Components()
    {
        var d = Fixture.Value.GetProperty("data");
        return Names.Select(n => new IndexComponent(n, d.DoublesWithMissing(n), HigherIsBetter: n != "k10")).ToArray();
    }

    private static bool[] Control() => Fixture.Value.GetProperty("data").Strings("arm").Select(a => a == "control").ToArray();

}
