using System.Globalization;
using Research.Analysis.Outcomes;
using Research.Data;

namespace Research.Analysis.Tests.Outcomes;

/// <summary>
/// Compares every measure on the committed fixture extract (synthetic, seed 11, scale 0.02) with the independent pandas
/// computation in Fixtures/Outcomes/reference_outcomes.py. Statuses, spells and times agree exactly; means agree to
/// 1e-12 relative (numpy's pairwise summation adds in a different order).
/// </summary>
public sealed class OutcomeReferenceTests
{
    private const double Tolerance = 1e-12;
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Outcomes");
    private static readonly Lazy<OutcomePanel> Panel = new(() => OutcomePanel.FromExtract(Extract.Load(Path.Combine(Folder, "extract"))));

    public static TheoryData<Outcome> AllOutcomes => [.. Enum.GetValues<Outcome>()];

    public static TheoryData<Outcome> Statuses => [Outcome.FullOutflow, Outcome.PartialOrFullOutflow, Outcome.BenefitIndependence, Outcome.EarningsOutflow];

    [Theory]
    [MemberData(nameof(AllOutcomes))]
    public void Values_at_horizons_windows_and_baseline_match_pandas(Outcome outcome)
    {
        var reference = ReferenceTable.Persons(Folder);
        var panel = Panel.Value;
        Assert.Equal(reference.Ids, panel.Ids);
        Assert.Equal(reference.Column("last").Select(v => (int)v), panel.LastObservedMonth.ToArray());

        AssertAll(reference.Column($"{outcome}_at_12"), panel.At(outcome, 12));
        AssertAll(reference.Column($"{outcome}_at_24"), panel.At(outcome, 24));
        AssertAll(reference.Column($"{outcome}_at_end"), panel.At(outcome, Horizon.EndOfIntervention));
        AssertAll(reference.Column($"{outcome}_at_primary"), panel.At(outcome, Horizon.Primary));
        AssertAll(reference.Column($"{outcome}_mean_1_24"), panel.Mean(outcome, 1, 24));
        AssertAll(reference.Column($"{outcome}_pre_12"), panel.PreRandomisation(outcome, 12));
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Spells_and_times_to_first_outflow_match_pandas(Outcome outcome)
    {
        var reference = ReferenceTable.Persons(Folder);
        var panel = Panel.Value;

        AssertAll(reference.Column($"{outcome}_durable_by_6_24"), panel.DurableBy(outcome, 6, 24));
        AssertAll(reference.Column($"{outcome}_durable_at_3_12"), panel.DurableAt(outcome, 3, 12));
        foreach (var cap in new[] { 24, 100 })
        {
            var survival = panel.TimeToFirst(outcome, cap);
            Assert.Equal(reference.Column($"{outcome}_ttf_{cap}_months").Select(v => (int)v), survival.Months.ToArray());
            Assert.Equal(reference.Column($"{outcome}_ttf_{cap}_event").Select(v => v == 1), survival.Events.ToArray());
        }

        // The fixture must exercise both branches, or the comparison proves little.
        var all = panel.TimeToFirst(outcome, 100);
        Assert.Contains(true, all.Events.ToArray());
        Assert.Contains(false, all.Events.ToArray());
    }

    [Theory]
    [InlineData(Outcome.FullOutflow)]
    [InlineData(Outcome.Earnings)]
    public void Monthly_means_by_arm_match_pandas(Outcome outcome)
    {
        var expected = ReferenceTable.Monthly(Folder, outcome.ToString());
        var actual = new Dictionary<(string, string, int), (int N, double Mean)>();
        foreach (var series in Panel.Value.MonthlyMeans(outcome))
        {
            for (var i = 0; i < series.Counts.Count; i++)
            {
                if (series.Counts[i] > 0)
                {
                    actual.Add((series.Municipality, series.Arm, series.FirstMonth + i), (series.Counts[i], series.Means[i]));
                }
            }
        }

        Assert.Equal(expected.Count, actual.Count);
        foreach (var (key, (n, mean)) in expected)
        {
            Assert.True(actual.TryGetValue(key, out var got), $"no series value for {key}");
            Assert.Equal(n, got.N);
            AssertClose(mean, got.Mean, $"{outcome} {key}");
        }
    }

    private static void AssertAll(double[] expected, PersonMeasure actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        Assert.Equal(0, actual.Excluded.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(i, actual.Persons[i]);
            AssertClose(expected[i], actual.Values[i], $"{actual.Description}, person {i}");
        }
    }

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance * Math.Max(1, Math.Abs(expected)),
            string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected:R}, got {actual:R}"));

    /// <summary>The reference CSV files written by reference_outcomes.py.</summary>
    private sealed class ReferenceTable(string[] header, List<string[]> rows)
    {
        public IReadOnlyList<string> Ids => rows.Select(r => r[0]).ToList();

        public double[] Column(string name)
        {
            var index = Array.IndexOf(header, name);
            Assert.True(index >= 0, $"reference_persons.csv has no column {name}");
            return rows.Select(r => double.Parse(r[index], NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        }

        public static ReferenceTable Persons(string folder)
        {
            var lines = File.ReadAllLines(Path.Combine(folder, "reference_persons.csv"));
            return new ReferenceTable(lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToList());
        }

        public static Dictionary<(string, string, int), (int N, double Mean)> Monthly(string folder, string outcome)
        {
            var lines = File.ReadAllLines(Path.Combine(folder, "reference_monthly.csv"));
            var column = Array.IndexOf(lines[0].Split(','), outcome);
            return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(
                f => (f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture)),
                f => (int.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[column], NumberStyles.Float, CultureInfo.InvariantCulture)));
        }
    }
}
