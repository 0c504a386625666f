using Research.Analysis.Outcomes;
using Research.Analysis.Reports;
using Research.Statistics.Regression;

namespace Research.Analysis.Effects;

/// <summary>
/// The persons of one municipality with an outcome (and, when the adjustment needs it, its baseline value): what every
/// effect model of a report is fitted on. An <see cref="Adjustment"/> turns it into a design; an
/// <see cref="InferenceMethod"/> into standard errors, intervals and p-values.
/// </summary>
public sealed class EffectSample
{
    private readonly Dictionary<string, int> _counts;
    private readonly int[] _persons;
    private readonly Lazy<VarianceEstimator> _caseworkerClusters;
    private readonly Lazy<string[]> _strata;
    private readonly Lazy<string[]> _caseworkers;
    private readonly Lazy<double[]> _takeUp;

    private EffectSample(ReportContext context, int[] persons, double[] y, double[]? baseline, string description)
    {
        Context = context;
        Persons = persons;
        _persons = persons;
        Y = y;
        Baseline = baseline;
        Description = description;
        Arms = persons.Select(p => context.Panel.Arm[p]).ToArray();

        // Taken from the panel when first read: most samples (each month of an effect path) never read them, and each
        // is an array of one value per person.
        _strata = new(() => [.. persons.Select(p => context.Panel.Stratum[p])]);
        _caseworkers = new(() => [.. persons.Select(p => context.Panel.Caseworker[p])]);
        _takeUp = new(() => [.. persons.Select(p => context.Panel.TookUp[p] ? 1.0 : 0.0)]);

        // Coded once per sample, from the panel's codes (equal codes, equal ids): numbered in order of first appearance
        // as the ids themselves would be, without hashing every person's id string for every clustered model (1-2 % of
        // a national report).
        _caseworkerClusters = new Lazy<VarianceEstimator>(() => VarianceEstimator.CR2(PanelCodes(context.Panel.Caseworker, persons)));

        // Sections ask for arm sizes many times per sample (every arm, every table row): counted once here, where a
        // count per call (a pass over the rows comparing strings) was a fifth of the effect path's time at national scale.
        // Tallied by the panel's arm codes (distinct levels, so equal codes are equal arms): hashing each person's arm
        // string into a dictionary was 1-2 % of a national report.
        var armCodes = context.Panel.Arm.Codes;
        var tally = new int[context.Panel.Arm.Levels.Count];
        foreach (var person in persons)
        {
            tally[armCodes[person]]++;
        }

        _counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var level = 0; level < tally.Length; level++)
        {
            if (tally[level] > 0)
            {
                _counts[context.Panel.Arm.Levels[level]] = tally[level];
            }
        }
    }

    /// <summary>The report the persons belong to.</summary>
    public ReportContext Context { get; }

    /// <summary>What the outcome is, for messages (e.g. <c>full_outflow at month 12</c>).</summary>
    public string Description { get; }

    /// <summary>Panel indices of the persons analysed.</summary>
    public IReadOnlyList<int> Persons { get; }

    /// <summary>The panel indices of <see cref="Persons"/>, for comparing samples without copying.</summary>
    internal ReadOnlySpan<int> PersonRows => _persons;

    /// <summary>The outcome.</summary>
    public IReadOnlyList<double> Y { get; }

    /// <summary>The baseline value of the outcome, when the sample was made with one.</summary>
    public IReadOnlyList<double>? Baseline { get; }

    /// <summary>The assigned arm.</summary>
    public IReadOnlyList<string> Arms { get; }

    /// <summary>The randomisation stratum.</summary>
    public IReadOnlyList<string> Strata => _strata.Value;

    /// <summary>The caseworker (the cluster).</summary>
    public IReadOnlyList<string> Caseworkers => _caseworkers.Value;

    /// <summary>1 when the person took up the assigned intervention.</summary>
    public IReadOnlyList<double> TakeUp => _takeUp.Value;

    /// <summary>CR2 clustered by <see cref="Caseworkers"/>.</summary>
    internal VarianceEstimator CaseworkerClusters => _caseworkerClusters.Value;

    /// <summary>
    /// The municipality's persons for whom <paramref name="outcome"/> (and <paramref name="baseline"/>, when given) is
    /// finite (NaN: not observed). An arm may be left without persons; its effect is then not estimable.
    /// </summary>
    public static EffectSample Create(ReportContext context, Func<int, double> outcome, Func<int, double>? baseline, string what)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(outcome);
        // One pass, each person's values read once (an effect path makes a sample per outcome and month).
        var persons = new List<int>(context.Persons.Count);
        var values = new List<double>(context.Persons.Count);
        var baselines = baseline is null ? null : new List<double>(context.Persons.Count);
        foreach (var person in context.Persons)
        {
            var value = outcome(person);
            if (!double.IsFinite(value))
            {
                continue;
            }

            var before = baseline?.Invoke(person) ?? 0;
            if (!double.IsFinite(before))
            {
                continue;
            }

            persons.Add(person);
            values.Add(value);
            baselines?.Add(before);
        }

        return new EffectSample(context, [.. persons], [.. values], baselines is null ? null : [.. baselines], what);
    }

    /// <summary>The arms (design order) with at least one person in the sample.</summary>
    public IReadOnlyList<string> PresentArms => [.. Context.DesignArms.Select(a => a.Code).Where(a => Count(a) > 0)];

    /// <summary>
    /// The sample as the shared effect estimator takes it: every person of the municipality, the outcome NaN for those
    /// not in the sample.
    /// </summary>
    public Research.Analysis.Inference.EffectData SharedData()
    {
        var population = Context.Population;
        var outcome = new double[population.Persons.Count];
        Array.Fill(outcome, double.NaN);
        for (var i = 0; i < Persons.Count; i++)
        {
            outcome[population.RowOf(Persons[i])] = Y[i];
        }

        return population.For(Description, outcome);
    }

    /// <summary>The name of an arm's coefficient in every effect model.</summary>
    public static string Coefficient(string arm) => $"arm[{arm}]";

    /// <summary>The number of persons in <paramref name="arm"/>.</summary>
    public int Count(string arm) => _counts.GetValueOrDefault(arm);

    /// <summary>The outcome's mean in <paramref name="arm"/>; NaN when nobody of the arm is in the sample.</summary>
    public double Mean(string arm) => Y.Where((_, i) => Arms[i] == arm).DefaultIfEmpty(double.NaN).Average();

    /// <summary>The outcome's values in <paramref name="arm"/>.</summary>
    public IReadOnlyList<double> Values(string arm) => Y.Where((_, i) => Arms[i] == arm).ToArray();

    private static int[] PanelCodes(PersonFactor factor, int[] persons)
    {
        var codes = factor.Codes;
        var result = new int[persons.Length];
        for (var i = 0; i < persons.Length; i++)
        {
            result[i] = codes[persons[i]];
        }

        return result;
    }
}
