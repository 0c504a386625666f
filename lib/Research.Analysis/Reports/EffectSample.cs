using Research.Statistics.Design;
using Research.Statistics.Regression;

namespace Research.Analysis.Reports;

/// <summary>
/// The persons of one municipality with an outcome and its baseline value, and the regression every effect in the
/// report uses: outcome ~ arm + baseline (+ stratum fixed effects when randomisation was stratified).
/// </summary>
internal sealed class EffectSample
{
    private readonly ReportContext _context;

    private EffectSample(ReportContext context, int[] persons, double[] y, double[] baseline)
    {
        _context = context;
        Persons = persons;
        Y = y;
        Baseline = baseline;
        Arms = persons.Select(p => context.Panel.Arm[p]).ToArray();
        Strata = persons.Select(p => context.Panel.Stratum[p]).ToArray();
        Caseworkers = persons.Select(p => context.Panel.Caseworker[p]).ToArray();
        TakeUp = persons.Select(p => context.Panel.TookUp[p] ? 1.0 : 0.0).ToArray();
    }

    /// <summary>Panel indices of the persons analysed.</summary>
    public int[] Persons { get; }

    /// <summary>The outcome.</summary>
    public double[] Y { get; }

    /// <summary>The baseline covariate.</summary>
    public double[] Baseline { get; }

    /// <summary>The assigned arm.</summary>
    public string[] Arms { get; }

    /// <summary>The randomisation stratum.</summary>
    public string[] Strata { get; }

    /// <summary>The caseworker (the cluster).</summary>
    public string[] Caseworkers { get; }

    /// <summary>1 when the person took up the assigned intervention.</summary>
    public double[] TakeUp { get; }

    /// <summary>The municipality's persons for whom both <paramref name="outcome"/> and <paramref name="baseline"/> are finite (NaN: not observed).</summary>
    /// <exception cref="InvalidOperationException">Nobody in the control arm or in some treatment arm has both.</exception>
    public static EffectSample Create(ReportContext context, Func<int, double> outcome, Func<int, double> baseline, string what)
    {
        var persons = context.Persons.Where(p => double.IsFinite(outcome(p)) && double.IsFinite(baseline(p))).ToArray();
        var sample = new EffectSample(context, persons, persons.Select(outcome).ToArray(), persons.Select(baseline).ToArray());
        var empty = context.DesignArms.Where(a => sample.Count(a.Code) == 0).Select(a => a.Code).ToList();
        if (empty.Count > 0)
        {
            throw new InvalidOperationException($"{context.Municipality}, {what}: no person of arm(s) {string.Join(", ", empty)} has the outcome and its baseline, so the arm cannot be compared");
        }

        return sample;
    }

    /// <summary>The number of persons in <paramref name="arm"/>.</summary>
    public int Count(string arm) => Arms.Count(a => a == arm);

    /// <summary>The outcome's mean in <paramref name="arm"/>.</summary>
    public double Mean(string arm) => Y.Where((_, i) => Arms[i] == arm).Average();

    /// <summary>The name of an arm's coefficient in <see cref="Fit"/>.</summary>
    public static string Coefficient(string arm) => $"arm[{arm}]";

    /// <summary>Intercept, baseline and (if stratified) stratum fixed effects: the exogenous covariates.</summary>
    public DesignMatrix Covariates() => Exogenous(new DesignBuilder(Y.Length).Intercept().Numeric("baseline", Baseline)).Build();

    /// <summary>outcome ~ arm + baseline (+ strata) with <paramref name="variance"/>.</summary>
    public LinearModelResult Fit(VarianceEstimator variance) =>
        LinearModel.Fit(Y, Design(), variance);

    /// <summary>The design of <see cref="Fit"/>: intercept, arm dummies against the control (design order), baseline, strata.</summary>
    public DesignMatrix Design() =>
        Exogenous(new DesignBuilder(Y.Length).Intercept()
            .Treatment("arm", Arms, _context.Experiment.Control.Code, [.. _context.DesignArms.Select(a => a.Code)])
            .Numeric("baseline", Baseline)).Build();

    /// <summary>CR2 by caseworker.</summary>
    public VarianceEstimator ClusteredVariance() => VarianceEstimator.CR2(Caseworkers);

    private DesignBuilder Exogenous(DesignBuilder builder) => _context.IsStratified ? builder.FixedEffects("stratum", Strata) : builder;
}
