using System.Globalization;
using Research.Synthetic.Population;
using Research.Synthetic.Register;
using Xunit.Abstractions;

namespace Research.Synthetic.Tests;

/// <summary>
/// The generator against its own truth, with no estimator in between: at large scale the simulated control shares,
/// take-up and arm-minus-control differences agree with <c>truth.json</c> within Monte Carlo error.
/// </summary>
[Collection(SeedOneCollection.Name)]
public sealed class TruthConsistencyTests(SeedOneExtract seedOne, TruthConsistencyTests.LargeScaleRun run, ITestOutputHelper output) : IClassFixture<TruthConsistencyTests.LargeScaleRun>
{
    // About 300 comparisons: under correct truth, P(max |z| > 4.5) is about 0.002.
    private const double Limit = 4.5;

    [Fact]
    public void Simulated_shares_take_up_and_itts_match_the_truth_at_large_scale()
    {
        foreach (var c in run.Comparisons.OrderByDescending(c => Math.Abs(c.Z)).Take(5))
        {
            output.WriteLine(c.ToString());
        }

        // Every site, treatment arm, outcome and horizon of the truth file is compared (guards against an empty list).
        Assert.True(run.Comparisons.Count >= 250, $"only {run.Comparisons.Count} comparisons");
        Assert.All(run.Comparisons, c => Assert.True(Math.Abs(c.Z) < Limit, c.ToString()));
    }

    [Fact]
    public void The_check_detects_a_truth_that_is_off_by_three_percentage_points()
    {
        var shifted = run.Comparisons.Where(c => c.What.StartsWith("itt utrecht", StringComparison.Ordinal)).Select(c => c with { Truth = c.Truth + 0.03 }).ToList();

        Assert.True(shifted.Count >= 30, $"only {shifted.Count} comparisons");
        Assert.Contains(shifted, c => Math.Abs(c.Z) >= Limit);
    }

    [Fact]
    public void Sites_in_memory_are_the_participants_the_files_hold()
    {
        var sites = new SyntheticExtractGenerator().Sites(new SyntheticOptions { Seed = 1 });
        var participants = seedOne.Extract!.Participants!;
        var ids = participants.Strings("person_id");
        var arms = participants.Strings("arm");
        var people = sites.SelectMany(s => s.Participants).ToList();

        Assert.Equal(participants.RowCount, people.Count);
        Assert.All(Enumerable.Range(0, people.Count), i => Assert.Equal((ids[i], arms[i]), (people[i].Id, people[i].Arm.Code)));
        Assert.Equal(seedOne.Extract.RegisterMonths!.RowCount, sites.Sum(s => s.Participants.Sum(p => s.Register(p).Count)));
        Assert.Equal(
            seedOne.Truth.Municipalities.Select(m => m.Arms.Sum(a => a.Effects.Sum(e => e.Itt))),
            sites.Select(s => s.Truth.Arms.Sum(a => a.Effects.Sum(e => e.Itt))),
            new ToleranceComparer(1e-9));
    }

    /// <summary>Every comparison for one large-scale draw of the six experiments (scale 12, about 41,000 persons).</summary>
    public sealed class LargeScaleRun
    {
        public IReadOnlyList<Comparison> Comparisons { get; } = new SyntheticExtractGenerator().Sites(new SyntheticOptions { Seed = 20_261_130, Scale = 12 })
            .AsParallel().AsOrdered().SelectMany(Compare).ToList();
    }

    private static IEnumerable<Comparison> Compare(SyntheticSite site)
    {
        var people = site.Participants;
        var registers = people.Select(site.Register).ToList();
        var control = Indices(people, p => p.Arm.IsControl);
        foreach (var arm in site.Truth.Arms)
        {
            var members = Indices(people, p => p.Arm.Code == arm.Arm);
            var takeUp = members.Average(i => people[i].TookUp ? 1.0 : 0.0);
            var takeUpTruth = arm.Effects[0].TakeUp;
            yield return new Comparison($"take-up {site.Experiment.Municipality} {arm.Arm}", takeUp, takeUpTruth,
                Math.Sqrt(takeUpTruth * (1 - takeUpTruth) / members.Count));
            foreach (var effect in arm.Effects)
            {
                var status = Status(effect.Outcome);
                var (controlShare, controlSe) = ClusteredMean(control, people, i => Value(registers[i], effect.HorizonMonths, status));
                var (armShare, armSe) = ClusteredMean(members, people, i => Value(registers[i], effect.HorizonMonths, status));
                var what = string.Create(CultureInfo.InvariantCulture, $"{site.Experiment.Municipality} {arm.Arm} {effect.Outcome} month {effect.HorizonMonths}");
                if (arm == site.Truth.Arms[0])
                {
                    yield return new Comparison("control share " + what, controlShare, effect.ControlMean, controlSe);
                }

                yield return new Comparison("itt " + what, armShare - controlShare, effect.Itt, Math.Sqrt((armSe * armSe) + (controlSe * controlSe)));
            }
        }
    }

    private static List<int> Indices(IReadOnlyList<SyntheticPerson> people, Func<SyntheticPerson, bool> keep) =>
        Enumerable.Range(0, people.Count).Where(i => keep(people[i])).ToList();

    private static Func<RegisterMonth, bool> Status(string outcome) => outcome switch
    {
        "partial_full_outflow" => m => m.ContractHours > 12,
        "full_outflow" => m => !m.OnBenefit && m.ContractHours > 27,
        "benefit_independence" => m => !m.OnBenefit,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "unknown truth outcome"),
    };

    // Registers start twelve months before randomisation, one row a month.
    private static double Value(IReadOnlyList<RegisterMonth> months, int horizon, Func<RegisterMonth, bool> status) =>
        status(months[horizon - months[0].MonthsSinceRandomisation]) ? 1.0 : 0.0;

    /// <summary>The mean and its standard error with caseworkers as clusters (their effects are part of the Monte Carlo error).</summary>
    private static (double Mean, double Se) ClusteredMean(List<int> rows, IReadOnlyList<SyntheticPerson> people, Func<int, double> value)
    {
        var values = rows.Select(value).ToList();
        var mean = values.Average();
        var clusters = rows.Select((i, k) => (people[i].CaseworkerId, Residual: values[k] - mean)).GroupBy(x => x.CaseworkerId, StringComparer.Ordinal)
            .Select(g => g.Sum(x => x.Residual)).ToList();
        var g = clusters.Count;
        return (mean, Math.Sqrt(g / (g - 1.0) * clusters.Sum(s => s * s)) / rows.Count);
    }

    public sealed record Comparison(string What, double Simulated, double Truth, double Se)
    {
        public double Z => (Simulated - Truth) / Se;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{What}: simulated {Simulated:F4}, truth {Truth:F4}, MC SE {Se:F4}, z = {Z:F2}");
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
