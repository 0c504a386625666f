using Research.Analysis.Effects;
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
    private Attrition(IReadOnlyList<WaveResponse> responses, IReadOnlyList<ResponseTest> tests, IReadOnlyList<string> notes)
    {
        Responses = responses;
        Tests = tests;
        Notes = notes;
    }

    /// <summary>Tests that could not be computed, and why.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Response per wave and arm.</summary>
    public IReadOnlyList<WaveResponse> Responses { get; }

    /// <summary>Per wave, the test of equal response.</summary>
    public IReadOnlyList<ResponseTest> Tests { get; }

    /// <summary>The share of randomised persons who did not respond to the last wave.</summary>
    public double LastWaveAttrition => Tests.Count == 0 ? 1.0 : 1 - (Responses.Where(r => r.Wave == Tests[^1].Wave).Sum(r => r.Responded) / (double)Tests[^1].N);

    /// <summary>The p-value of the test of equal response across arms at the last wave; null if not testable.</summary>
    public double? LastWaveTestP => Tests.Count == 0 ? null : Tests[^1].Test?.PValue;

    /// <summary>Computes the section.</summary>
    public static Attrition Compute(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var respondents = DesignSection.Respondents(context);
        var control = context.Experiment.Control.Code;
        var responses = new List<WaveResponse>();
        var tests = new List<ResponseTest>();
        var estimation = new Estimation();
        foreach (var wave in context.Experiment.SurveyWaves)
        {
            var responded = context.Persons.Select(p => respondents.Contains((context.Panel.Ids[p], wave.Wave)) ? 1.0 : 0.0).ToArray();
            foreach (var arm in context.Experiment.Arms)
            {
                var inArm = responded.Where((_, i) => context.Arms[i] == arm.Code).ToArray();
                responses.Add(new WaveResponse(wave.Wave, arm, inArm.Length, (int)inArm.Sum()));
            }

            WaldTestResult? test = null;
            if (responded.Distinct().Count() > 1)
            {
                // An arm in which everyone (or no one) answered leaves the test without a variance: not testable, noted.
                test = estimation.Try(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"test of equal response to wave {wave.Wave}"), () =>
                {
                    var design = new DesignBuilder(responded.Length).Intercept().Treatment("arm", context.Arms, control, [.. context.DesignArms.Select(a => a.Code)]).Build();
                    var fit = LinearModel.Fit(responded, design, VarianceEstimator.HC2);
                    return WaldTest.AllZero(fit, [.. context.Experiment.TreatmentArms.Select(a => EffectSample.Coefficient(a.Code))]);
                });
            }

            tests.Add(new ResponseTest(wave.Wave, test, responded.Length));
        }

        return new Attrition(responses, tests, estimation.Notes);
    }
}
