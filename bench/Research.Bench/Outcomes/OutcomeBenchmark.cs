using System.Globalization;
using Research.Analysis.Outcomes;
using Research.Data.Design;

namespace Research.Bench.Outcomes;

/// <summary>
/// Outcome derivation on 400,000 persons × (12 before + month 0 + 48 after) register months: building the
/// <see cref="OutcomePanel"/> from in-memory columns, then for all five outcomes the value at months 12, 24 and the end
/// of the intervention, the mean over months 1–24, the 12-month baseline and the monthly means by arm, and for the three
/// statuses durable outflow (6 months by month 24) and time to first outflow (censored at 48). The same derivation in
/// pandas (bench/peers/outcomes_pandas.py, /usr/bin/python3) runs on the same arrays; the ratio and the largest relative
/// difference of the checksums are printed. Arguments: [persons] [repeats] [--no-peer].
/// </summary>
public sealed class OutcomeBenchmark : IBenchmark
{
    private const int MonthsAfter = 48;
    private static readonly Outcome[] Statuses = [Outcome.FullOutflow, Outcome.PartialOrFullOutflow, Outcome.BenefitIndependence];

    /// <inheritdoc />
    public string Name => "outcomes";

    /// <inheritdoc />
    public string Description => "outcome derivation on 400,000 persons x 61 months vs pandas (ratio printed)";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var persons = args.Length > 0 && !args[0].StartsWith('-') ? int.Parse(args[0], CultureInfo.InvariantCulture) : 400_000;
        var repeats = args.Length > 1 && !args[1].StartsWith('-') ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var data = OutcomeBenchmarkData.Generate(persons, MonthsAfter, seed: 20261127);
        var identity = Enumerable.Range(0, persons).ToArray();
        Console.WriteLine(FormattableString.Invariant(
            $"outcome benchmark: {persons:N0} persons x {12 + 1 + MonthsAfter} months = {data.Person.Length:N0} register rows, {Environment.ProcessorCount} cores, repeats = {repeats}"));

        Dictionary<string, double> checksums = [];
        OutcomePanel? panel = null;
        Derive(data, identity, out _); // JIT and page-in; not timed.
        var build = Best(repeats, () => panel = OutcomePanel.Build(data.People, data.Register(identity), ExperimentCatalog.Canonical));
        Console.WriteLine($"  C#  build panel      {build}");
        var total = Best(repeats, () => panel = Derive(data, identity, out checksums));
        Console.WriteLine($"  C#  build + measures {total}");

        if (args.Contains("--no-peer"))
        {
            return 0;
        }

        var folder = Path.Combine(Path.GetTempPath(), "research-bench-outcomes");
        data.Write(folder, panel!.InterventionEndMonth.ToArray());
        if (PythonPeer.Run("outcomes_pandas.py", folder, repeats.ToString(CultureInfo.InvariantCulture)) is not { } result)
        {
            return 1;
        }

        var pySeconds = result.GetProperty("seconds").GetDouble();
        var pyPeak = result.GetProperty("peak_rss_mib").GetDouble();
        var theirs = result.GetProperty("checksums");
        var worst = checksums.Max(c => Math.Abs(c.Value - theirs.GetProperty(c.Key).GetDouble()) / Math.Max(1, Math.Abs(c.Value)));
        Console.WriteLine(FormattableString.Invariant($"  py  pandas           {pySeconds * 1000,10:F1} ms  (peak RSS of the python process {pyPeak:F1} MiB)"));
        Console.WriteLine(FormattableString.Invariant($"  ratio pandas / C#: {pySeconds / total.Elapsed.TotalSeconds:F1}x"));
        Console.WriteLine(FormattableString.Invariant($"  agreement: {checksums.Count} checksums, max relative difference {worst:E1}"));
        return 0;
    }

    /// <summary>The derivation timed on both sides; the checksums let the peer's results be compared.</summary>
    private static OutcomePanel Derive(OutcomeBenchmarkData data, int[] identity, out Dictionary<string, double> checksums)
    {
        var panel = OutcomePanel.Build(data.People, data.Register(identity), ExperimentCatalog.Canonical);
        checksums = [];
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            checksums[$"{outcome}_at_12"] = panel.At(outcome, 12).Mean();
            checksums[$"{outcome}_at_24"] = panel.At(outcome, 24).Mean();
            checksums[$"{outcome}_at_end"] = panel.At(outcome, Horizon.EndOfIntervention).Mean();
            checksums[$"{outcome}_mean_1_24"] = panel.Mean(outcome, 1, 24).Mean();
            checksums[$"{outcome}_pre_12"] = panel.PreRandomisation(outcome, 12).Mean();
            checksums[$"{outcome}_monthly"] = panel.MonthlyMeans(outcome).Sum(s => s.Means.Where((_, i) => s.Counts[i] > 0).Sum());
        }

        foreach (var outcome in Statuses)
        {
            checksums[$"{outcome}_durable_6_24"] = panel.DurableBy(outcome, 6, 24).Mean();
            var survival = panel.TimeToFirst(outcome, MonthsAfter);
            checksums[$"{outcome}_ttf_months"] = survival.Months.ToArray().Average();
            checksums[$"{outcome}_ttf_events"] = survival.Events.ToArray().Count(e => e);
        }

        return panel;
    }

    private static Measurement Best(int repeats, Action action) =>
        Enumerable.Range(0, repeats).Select(_ => Measurement.Of(action)).MinBy(m => m.Elapsed);
}
