using MathNet.Numerics.Distributions;
using MathNet.Numerics.Integration;
using Research.Data.Design;
using Research.Data.Truth;
using Research.Synthetic.Population;
using Research.Synthetic.Register;
using Research.Synthetic.Survey;

namespace Research.Synthetic.Truth;

/// <summary>
/// Computes the planted effects exactly from the model: for every participant of a municipality, the expected outcome
/// under control and under each arm (integrating the caseworker effect with Gauss–Legendre quadrature on the normal
/// quantile scale, and take-up by its probability), averaged over participants.
/// </summary>
internal static class TruthCalculator
{
    private const int QuadratureOrder = 16;

    public static IReadOnlyList<int> Horizons(Experiment experiment, SyntheticPerson anyone) =>
        new[] { 6, 12, 24, 36, experiment.PrimaryHorizonMonths, Math.Min(36, anyone.InterventionEndMonth) }.Distinct().Order().ToList();

    public static MunicipalityTruth Compute(Experiment experiment, IReadOnlyList<SyntheticPerson> people, WorkProcess process)
    {
        var calibration = process.Calibration;
        var horizons = Horizons(experiment, people[0]);
        var rule = new GaussLegendreRule(0, 1, QuadratureOrder);
        var caseworker = rule.Abscissas.Select(u => calibration.CaseworkerSd * Normal.InvCDF(0, 1, u)).ToArray();
        var weights = rule.Weights;
        var outcomes = new (string Name, Func<(double, double), double> Of)[]
        {
            ("partial_full_outflow", p => p.Item1),
            ("full_outflow", p => process.FullOutflow(p)),
            ("benefit_independence", p => process.OffBenefit(p)),
        };
        var arms = new List<ArmTruth>();
        foreach (var arm in experiment.TreatmentArms)
        {
            var effect = calibration.EffectOf(experiment.Municipality, arm.Code);
            var takeUp = people.Average(p => calibration.TakeUp.Probability(p.Employability));
            var effects = new List<PlantedEffect>();
            foreach (var h in horizons)
            {
                var control = new double[outcomes.Length];
                var itt = new double[outcomes.Length];
                foreach (var person in people)
                {
                    var tau = calibration.TakeUp.Probability(person.Employability);
                    for (var q = 0; q < caseworker.Length; q++)
                    {
                        var p0 = process.Control(person.Employability + (h > 0 ? caseworker[q] : 0), h);
                        var p1 = process.Treated(p0, effect, h, person.InterventionEndMonth);
                        for (var o = 0; o < outcomes.Length; o++)
                        {
                            var y0 = outcomes[o].Of(p0);
                            control[o] += weights[q] * y0;
                            itt[o] += weights[q] * tau * (outcomes[o].Of(p1) - y0);
                        }
                    }
                }

                for (var o = 0; o < outcomes.Length; o++)
                {
                    var mean = itt[o] / people.Count;
                    effects.Add(new PlantedEffect(outcomes[o].Name, h, control[o] / people.Count, mean, takeUp, mean / takeUp));
                }
            }

            var traits = SurveyItemPlan.Traits
                .Select(t => (t, v: calibration.Wellbeing.EffectOf(experiment.Municipality, arm.Code, t)))
                .Where(x => x.v != 0)
                .ToDictionary(x => x.t, x => x.v);
            arms.Add(new ArmTruth(arm.Code, arm.TypeLabel, effects, traits));
        }

        return new MunicipalityTruth(experiment.Municipality, people.Count, arms);
    }
}
