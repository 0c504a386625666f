using System.Text.Json;
using Research.Statistics.Attrition;

namespace Research.Statistics.Tests.Attrition;

/// <summary>
/// Lee bounds against a hand-written R implementation (Fixtures/Attrition/make_fixtures.R), against brute-force trimming
/// when an integer number is kept, and their analytic standard errors against the spread of the estimates over
/// simulated experiments.
/// </summary>
public sealed class LeeBoundsTests
{
    public static TheoryData<string> Cases() => new(Load().Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Agrees_with_the_hand_written_R_computation(string name)
    {
        var c = Load().Single(e => e.GetProperty("name").GetString() == name);

        var lee = LeeBounds.Estimate(Outcomes(c), c.Doubles("treated").Select(d => d == 1).ToArray());

        Assert.Equal(c.GetProperty("trimmed").GetString(), lee.Trimmed.ToString());
        AssertClose.Equal(c.Double("p"), lee.TrimmingProportion, 1e-12, 1e-15, "p");
        AssertClose.Equal(c.Double("q1"), lee.TreatedResponseRate, 1e-14, what: "q1");
        AssertClose.Equal(c.Double("q0"), lee.ControlResponseRate, 1e-14, what: "q0");
        AssertClose.Equal(c.Double("lower"), lee.Lower, 1e-10, 1e-13, "lower");
        AssertClose.Equal(c.Double("upper"), lee.Upper, 1e-10, 1e-13, "upper");
        AssertClose.Equal(c.Double("se_lower"), lee.LowerStandardError, 1e-10, what: "SE lower");
        AssertClose.Equal(c.Double("se_upper"), lee.UpperStandardError, 1e-10, what: "SE upper");
        AssertClose.Equal(c.Double("im_critical"), lee.ImbensManskiCritical, 1e-9, what: "Imbens-Manski C");
        AssertClose.Equal(c.Doubles("im_ci"), [lee.ImbensManskiInterval.Lower, lee.ImbensManskiInterval.Upper], 1e-9, 1e-12, "Imbens-Manski CI");
        AssertClose.Equal(c.Doubles("bounds_ci"), [lee.BoundsInterval.Lower, lee.BoundsInterval.Upper], 1e-9, 1e-12, "bounds CI");
    }

    [Fact]
    public void With_an_integer_number_kept_the_bounds_drop_exactly_the_extreme_respondents()
    {
        var c = Load().Single(e => e.GetProperty("name").GetString() == "ties_integer_keep");
        var y = Outcomes(c);
        var treated = c.Doubles("treated").Select(d => d == 1).ToArray();
        var y1 = y.Where((v, i) => treated[i] && !double.IsNaN(v)).Order().ToArray();
        var mean0 = y.Where((v, i) => !treated[i] && !double.IsNaN(v)).Average();
        var drop = y1.Length - 60;   // 80 treated respondents, 60 % control response → keep 60

        var lee = LeeBounds.Estimate(y, treated);

        Assert.Equal(20, drop);
        AssertClose.Equal(y1.Take(60).Average() - mean0, lee.Lower, 1e-13, 1e-14, "lower");
        AssertClose.Equal(y1.Skip(drop).Average() - mean0, lee.Upper, 1e-13, 1e-14, "upper");
        Assert.True(lee.ImbensManskiInterval.Lower < lee.Lower && lee.Upper < lee.ImbensManskiInterval.Upper);
        Assert.True(lee.BoundsInterval.Lower <= lee.ImbensManskiInterval.Lower);
    }

    [Fact]
    public void Analytic_standard_errors_match_the_sampling_spread()
    {
        // 400 experiments: n = 600 per arm, response 80 % treated vs 60 % control, lognormal outcomes.
        var random = new Random(20261205);
        var lowers = new List<double>();
        var uppers = new List<double>();
        var lowerSe = new List<double>();
        var upperSe = new List<double>();
        for (var rep = 0; rep < 400; rep++)
        {
            var y = new double[1200];
            var treated = new bool[1200];
            for (var i = 0; i < 1200; i++)
            {
                treated[i] = i < 600;
                var respond = random.NextDouble() < (treated[i] ? 0.8 : 0.6);
                y[i] = respond ? Math.Exp(Normal(random) * 0.5) + (treated[i] ? 0.2 : 0) : double.NaN;
            }

            var lee = LeeBounds.Estimate(y, treated);
            lowers.Add(lee.Lower);
            uppers.Add(lee.Upper);
            lowerSe.Add(lee.LowerStandardError);
            upperSe.Add(lee.UpperStandardError);
        }

        // The SD of 400 draws is within about ±7 % of the truth (2 standard errors of an SD estimate).
        Assert.InRange(Sd(lowers) / lowerSe.Average(), 0.88, 1.12);
        Assert.InRange(Sd(uppers) / upperSe.Average(), 0.88, 1.12);
    }

    [Fact]
    public void Too_few_respondents_is_an_error() =>
        Assert.Throws<ArgumentException>(() => LeeBounds.Estimate([1, double.NaN, 2, 3], [true, true, false, false]));

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double Sd(List<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    private static double[] Outcomes(JsonElement c) => c.DoublesWithMissing("y");

    private static JsonElement[] Load() => ReferenceFixture.Load("Attrition", "lee_bounds_cases.json").EnumerateArray().ToArray();
}
