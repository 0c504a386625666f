using MathNet.Numerics.Distributions;
using Research.Synthetic.Calibration;
using Research.Synthetic.Population;
using Research.Synthetic.Register;

namespace Research.Synthetic.Survey;

/// <summary>
/// Simulates survey waves: latent traits that drift upward for everyone and shift with work and with any planted arm
/// effect; whether a person responds (less often after leaving benefit, more often the higher their wellbeing, less
/// often after missing a wave); and item answers from a one-factor model per trait, with occasional missing codes and
/// out-of-range recording errors.
/// </summary>
internal sealed class SurveySimulator(SyntheticCalibration calibration, IReadOnlyList<SurveyItemPlan> items, DateOnly lastInterviewDate)
{
    private readonly WellbeingModel _model = calibration.Wellbeing;

    public IReadOnlyList<SurveyItemPlan> Items { get; } = items;

    public List<SurveyRow> Simulate(SyntheticPerson person, IReadOnlyList<RegisterMonth> register, ulong seed)
    {
        var municipality = person.Experiment.Municipality;
        var rng = new DeterministicRandom(seed, DeterministicRandom.Key(municipality), 20, (ulong)person.GlobalIndex);
        var baseTraits = BaseTraits(person, rng);
        var rows = new List<SurveyRow>();
        var respondedBefore = true;
        foreach (var wave in person.Experiment.SurveyWaves)
        {
            var t = wave.MonthsAfterRandomisation;
            var status = register.First(m => m.MonthsSinceRandomisation == Math.Min(t, register[^1].MonthsSinceRandomisation));
            var traitNoise = Traits(rng);
            var traits = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var k = 0; k < SurveyItemPlan.Traits.Count; k++)
            {
                var trait = SurveyItemPlan.Traits[k];
                var value = baseTraits[k] + (_model.DriftPerYear * t / 12.0) + (_model.WaveNoiseSd * traitNoise[k]);
                var direction = trait is "loneliness" or "distress" ? -1 : 1;
                if (status.WorksMoreThan12Hours)
                {
                    value += direction * _model.WorkingEffect;
                }

                if (person.TookUp && t > 0)
                {
                    value += _model.EffectOf(municipality, person.Arm.Code, trait);
                }

                traits[trait] = value;
            }

            // Response depends on outcomes: less likely off benefit (the register shows it), more likely the better the
            // person feels (nobody shows it), and less likely after a missed wave.
            var rate = _model.ResponseRate[Math.Min(wave.Wave, _model.ResponseRate.Length) - 1];
            var logit = Math.Log(rate / (1 - rate)) + (_model.ResponseWellbeingLogOdds * traits["wellbeing"]);
            if (!status.OnBenefit)
            {
                logit += Math.Log(_model.OffBenefitResponseOddsRatio);
            }

            if (!respondedBefore)
            {
                logit -= 1.0;
            }

            respondedBefore = rng.NextBernoulli(1 / (1 + Math.Exp(-logit)));
            if (!respondedBefore)
            {
                continue;
            }

            var date = person.RandomisationDate.AddDays((int)Math.Round(t * 30.44) + (int)(rng.NextDouble() * 45));
            if (date > lastInterviewDate)
            {
                date = lastInterviewDate;
            }

            rows.Add(new SurveyRow(wave.Wave, date, Items.Select(item => Answer(item, traits[item.Trait], rng)).ToArray()));
        }

        return rows;
    }

    private static double[] BaseTraits(SyntheticPerson person, DeterministicRandom rng)
    {
        var w = (0.3 * person.Employability) + (0.95 * rng.NextNormal());
        return
        [
            w,
            (0.45 * w) + (0.85 * rng.NextNormal()),
            (0.5 * w) + (0.2 * person.Employability) + (0.8 * rng.NextNormal()),
            (-0.45 * w) + (0.9 * rng.NextNormal()),
            (-0.6 * w) + (0.8 * rng.NextNormal()),
            (0.3 * w) + (0.95 * rng.NextNormal()),
        ];
    }

    private static double[] Traits(DeterministicRandom rng) => SurveyItemPlan.Traits.Select(_ => rng.NextNormal()).ToArray();

    private int Answer(SurveyItemPlan item, double trait, DeterministicRandom rng)
    {
        var loading = _model.ItemLoading;
        var latent = (loading * trait) + (Math.Sqrt(1 - (loading * loading)) * rng.NextNormal());
        var categories = item.Maximum - item.Minimum + 1;
        var index = Math.Min(categories - 1, (int)(categories * Normal.CDF(0, 1, latent)));
        var answer = item.Ascending ? item.Minimum + index : item.Maximum - index;
        var u = rng.NextDouble();
        if (u < _model.ItemNonresponse && item.MissingCodes.Count > 0)
        {
            return item.MissingCodes[(int)(rng.NextDouble() * item.MissingCodes.Count)];
        }

        if (u > 1 - _model.OutOfRange)
        {
            return item.Maximum + 1;
        }

        return answer;
    }
}
