using MathNet.Numerics.Distributions;
using Research.Data.Design;
using Research.Synthetic.Calibration;

namespace Research.Synthetic.Population;

/// <summary>
/// Draws the invited population of a municipality, selects participants with a probability rising in employability
/// (CPB's warning about selective participation), randomises them to arms within strata and assigns caseworkers.
/// </summary>
internal static class ParticipantSampler
{
    // A multiplier coprime with 9·10^8 makes index → identifier a bijection: unique, scrambled nine-digit pseudonyms.
    private const long IdSpace = 900_000_000;
    private const long IdMultiplier = 282_475_249;

    public static SampledSite Sample(Experiment experiment, int globalOffset, SyntheticCalibration calibration, ulong seed, double scale)
    {
        var muni = DeterministicRandom.Key(experiment.Municipality);
        var invited = Math.Max(experiment.Arms.Count * 4, (int)Math.Round(experiment.Invited * scale));
        var wanted = Math.Min(invited, Math.Max(experiment.Arms.Count * 4, (int)Math.Round(experiment.Participants * scale)));

        // Efraimidis–Spirakis weighted sampling without replacement: key = log(u) / w, keep the largest keys.
        var candidates = new (double Key, int Index, double Employability)[invited];
        for (var k = 0; k < invited; k++)
        {
            var rng = new DeterministicRandom(seed, muni, 1, (ulong)k);
            var e = rng.NextNormal();
            var u = 1.0 - rng.NextDouble();
            candidates[k] = (Math.Log(u) / Math.Exp(calibration.SelectionStrength * e), k, e);
        }

        var selected = candidates.OrderByDescending(c => c.Key).ThenBy(c => c.Index).Take(wanted).OrderBy(c => c.Index).ToList();
        var drafts = selected.Select(c => Draft(experiment, c.Index, c.Employability, seed, muni)).ToList();
        var arms = Randomise(experiment, drafts, seed, muni);
        var caseworkers = AssignCaseworkers(experiment, arms, calibration, seed, muni);
        var expectedTakeUp = drafts.Average(d => calibration.TakeUp.Probability(d.Employability));
        var takerEffects = TakerEffects(experiment, calibration, expectedTakeUp);

        var people = new List<SyntheticPerson>(drafts.Count);
        for (var j = 0; j < drafts.Count; j++)
        {
            var d = drafts[j];
            var arm = arms[j];
            var rng = new DeterministicRandom(seed, muni, 3, (ulong)d.InvitedIndex);
            var tookUp = !arm.IsControl && rng.NextBernoulli(calibration.TakeUp.Probability(d.Employability));
            string? chosen = null;
            if (arm.ComponentSelfChosen && tookUp)
            {
                var u = rng.NextDouble();
                chosen = u < 0.3 ? "exemption" : u < 0.6 ? "intensification" : "earnings_disregard";
            }

            var global = globalOffset + j;
            people.Add(new SyntheticPerson
            {
                GlobalIndex = global,
                Id = (100_000_000 + ((((global * IdMultiplier) + (long)(seed % IdSpace)) % IdSpace + IdSpace) % IdSpace)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Experiment = experiment,
                Arm = arm,
                Stratum = d.Stratum,
                RandomisationDate = d.RandomisationDate,
                Employability = d.Employability,
                TookUp = tookUp,
                TakerEffect = takerEffects[arm.Code],
                ChosenIntervention = chosen,
                CaseworkerId = caseworkers[j].Id,
                CaseworkerEffect = caseworkers[j].Effect,
                BirthYear = d.BirthYear,
                Sex = d.Sex,
                MigrationBackground = d.Migration,
                EducationLevel = d.Education,
                HouseholdType = d.Household,
                BenefitMonthsBaseline = d.BenefitMonths,
                EarningsPrevYear = d.EarningsPrevYear,
                HourlyWage = d.Wage,
                SelfEmployedType = d.SelfEmployed,
            });
        }

        return new SampledSite(people, expectedTakeUp, takerEffects);
    }

    /// <summary>
    /// Per arm, the effect on those who take up: the planted intent-to-treat effect over the expected take-up among the
    /// site's participants, so that the expected ITT over these participants is the planted one.
    /// </summary>
    private static Dictionary<string, ArmEffect> TakerEffects(Experiment experiment, SyntheticCalibration calibration, double expectedTakeUp) =>
        experiment.Arms.ToDictionary(
            a => a.Code,
            a => a.IsControl ? ArmEffect.None : calibration.EffectOf(experiment.Municipality, a.Code).Scaled(1 / expectedTakeUp),
            StringComparer.Ordinal);

    private static DraftPerson Draft(Experiment experiment, int invitedIndex, double e, ulong seed, ulong muni)
    {
        var rng = new DeterministicRandom(seed, muni, 2, (ulong)invitedIndex);
        var minimumAge = experiment.Municipality == "deventer" ? 28 : 18;
        var age = Math.Clamp((int)Math.Round(43 + (10 * rng.NextNormal()) - (3 * e)), minimumAge, 66);
        var intakeDays = experiment.IntakeEnd.DayNumber - experiment.IntakeStart.DayNumber + 1;
        var date = experiment.IntakeStart.AddDays((int)(rng.NextDouble() * intakeDays));
        var u = rng.NextDouble();
        var migration = u < 0.52 ? "dutch" : u < 0.64 ? "western" : "non_western";
        var edu = rng.NextNormal() + (0.6 * e);
        string? education = rng.NextBernoulli(0.07) ? null : edu < 0.2 ? "low" : edu < 1.2 ? "middle" : "high";
        var h = rng.NextDouble();
        var household = h < 0.55 ? "single" : h < 0.75 ? "single_parent" : h < 0.84 ? "couple_without_children" : h < 0.96 ? "couple_with_children" : "other";
        var months = (int)Math.Min(600, Math.Round(Math.Exp(3.5 - (0.45 * e) + (0.8 * rng.NextNormal()))));
        var worked = rng.NextBernoulli(Normal.CDF(0, 1, -0.9 + (0.6 * e)));
        var earnings = worked ? Math.Min(60_000, Math.Round(Math.Exp(7.8 + (0.3 * e) + (0.9 * rng.NextNormal())), 2)) : 0.0;
        var stratum = experiment.StratifiedBy switch
        {
            "age group" => age < 35 ? "age_18_34" : age < 50 ? "age_35_49" : "age_50_plus",
            "caseworker team" => "team_" + (char)('a' + (int)(rng.NextDouble() * 3)),
            _ => "all",
        };
        return new DraftPerson(invitedIndex, e, stratum, date, 2018 - age, rng.NextBernoulli(0.52) ? "female" : "male", migration, education, household,
            months, earnings, Math.Max(9.5, Math.Round(10.5 + (1.5 * e) + (1.5 * rng.NextNormal()), 2)), rng.NextBernoulli(0.04));
    }

    private static ExperimentArm[] Randomise(Experiment experiment, List<DraftPerson> drafts, ulong seed, ulong muni)
    {
        // Complete randomisation within strata with (near-)equal allocation: a random permutation of the stratum's
        // members is dealt to the arms in turn, starting at a random arm.
        var arms = new ExperimentArm[drafts.Count];
        foreach (var stratum in drafts.Select((d, j) => (d.Stratum, j)).GroupBy(x => x.Stratum).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rng = new DeterministicRandom(seed, muni, 4, DeterministicRandom.Key(stratum.Key));
            var members = stratum.Select(x => x.j).ToArray();
            for (var i = members.Length - 1; i > 0; i--)
            {
                var k = (int)(rng.NextDouble() * (i + 1));
                (members[i], members[k]) = (members[k], members[i]);
            }

            var start = (int)(rng.NextDouble() * experiment.Arms.Count);
            for (var i = 0; i < members.Length; i++)
            {
                arms[members[i]] = experiment.Arms[(start + i) % experiment.Arms.Count];
            }
        }

        return arms;
    }

    private static (string Id, double Effect)[] AssignCaseworkers(Experiment experiment, ExperimentArm[] arms, SyntheticCalibration calibration, ulong seed, ulong muni)
    {
        // Caseworkers serve one arm each (treatment arms had dedicated caseworkers), so arm and caseworker effects
        // are entangled: the reason reports cluster their standard errors by caseworker.
        var prefix = experiment.Municipality[..3].ToUpperInvariant();
        var result = new (string, double)[arms.Length];
        var next = 1;
        foreach (var arm in experiment.Arms)
        {
            var members = Enumerable.Range(0, arms.Length).Where(j => arms[j] == arm).ToList();
            var count = Math.Max(2, (int)Math.Ceiling(members.Count / (double)calibration.ClientsPerCaseworker));
            var pool = Enumerable.Range(next, count).Select(n =>
            {
                var id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}-{n:D3}");
                var effect = calibration.CaseworkerSd * new DeterministicRandom(seed, muni, 5, (ulong)n).NextNormal();
                return (id, effect);
            }).ToList();
            next += count;
            var rng = new DeterministicRandom(seed, muni, 6, DeterministicRandom.Key(arm.Code));
            foreach (var j in members)
            {
                result[j] = pool[(int)(rng.NextDouble() * count)];
            }
        }

        return result;
    }

    private sealed record DraftPerson(int InvitedIndex, double Employability, string Stratum, DateOnly RandomisationDate, int BirthYear, string Sex, string Migration,
        string? Education, string Household, int BenefitMonths, double EarningsPrevYear, double Wage, bool SelfEmployed);
}
