using System.Globalization;
using Research.Analysis.Results;
using Research.Statistics.Design;
using Research.Statistics.Inference;
using Research.Statistics.Regression;

namespace Research.Analysis.Reports;

/// <summary>
/// Section 5, survey attrition: response per wave and arm among those randomised, and per wave the test that response
/// does not differ between arms (linear probability model of response on arm, HC2 Wald F test of all arm dummies).
/// </summary>
public sealed class Attrition
{
    private Attrition(ResultTable table, double lastWaveAttrition, double? lastWaveTestP)
    {
        Table = table;
        LastWaveAttrition = lastWaveAttrition;
        LastWaveTestP = lastWaveTestP;
    }

    /// <summary>
    /// Table <c>attrition</c>: key <c>w{wave}|{arm}</c> (response share, n randomised, n_responded, n_nonresponse) and
    /// <c>test|w{wave}</c> (F, df1, df2, p, n).
    /// </summary>
    public ResultTable Table { get; }

    /// <summary>The share of randomised persons who did not respond to the last wave.</summary>
    public double LastWaveAttrition { get; }

    /// <summary>The p-value of the test of equal response across arms at the last wave; null if not testable.</summary>
    public double? LastWaveTestP { get; }

    /// <summary>The tables in report order.</summary>
    public IReadOnlyList<ResultTable> Tables => [Table];

    /// <summary>Computes the table.</summary>
    public static Attrition Compute(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var respondents = DesignSection.Respondents(context);
        var rows = new List<ResultRow>();
        var control = context.Experiment.Control.Code;
        var lastAttrition = 1.0;
        double? lastP = null;
        foreach (var wave in context.Experiment.SurveyWaves)
        {
            var waveKey = string.Create(CultureInfo.InvariantCulture, $"w{wave.Wave}");
            var responded = context.Persons.Select(p => respondents.Contains((context.Panel.Ids[p], wave.Wave)) ? 1.0 : 0.0).ToArray();
            foreach (var arm in context.Experiment.Arms)
            {
                var inArm = responded.Where((_, i) => context.Arms[i] == arm.Code).ToArray();
                var yes = (int)inArm.Sum();
                rows.Add(Publication.Row(
                    $"{waveKey}|{arm.Code}",
                    [("wave", wave.Wave.ToString(CultureInfo.InvariantCulture)), ("arm", arm.Code), ("arm_name_nl", arm.NameNl)],
                    [("response", inArm.Length > 0 ? yes / (double)inArm.Length : null), (ResultValue.N, inArm.Length), ("n_responded", yes), ("n_nonresponse", inArm.Length - yes)]));
            }

            WaldTestResult? test = null;
            if (responded.Distinct().Count() > 1)
            {
                var design = new DesignBuilder(responded.Length).Intercept().Treatment("arm", context.Arms, control, [.. context.DesignArms.Select(a => a.Code)]).Build();
                var fit = LinearModel.Fit(responded, design, VarianceEstimator.HC2);
                test = WaldTest.AllZero(fit, [.. context.Experiment.TreatmentArms.Select(a => EffectSample.Coefficient(a.Code))]);
            }

            rows.Add(Publication.Row(
                $"test|{waveKey}",
                [("wave", wave.Wave.ToString(CultureInfo.InvariantCulture)), ("arm", "all"), ("arm_name_nl", "test of equal response")],
                [("F", test?.F), ("df1", test?.NumeratorDf), ("df2", test is { DenominatorDf: var d } && double.IsFinite(d) ? d : null), (ResultValue.PValue, test?.PValue), (ResultValue.N, responded.Length)]));
            lastAttrition = 1 - responded.Average();
            lastP = test?.PValue;
        }

        return new Attrition(
            Publication.Table("attrition", "Survey response by wave and arm", rows,
            [
                "response: share of those randomised to the arm who answered the wave's questionnaire.",
                "Test: regression of responding (0/1) on the arm dummies, Wald F test that all arms respond alike, HC2 standard errors. Differential attrition can bias the survey outcomes.",
            ], r => r.Labels["wave"]),
            lastAttrition,
            lastP);
    }
}
