using System.Globalization;
using Research.Analysis.Effects;
using Research.Analysis.Outcomes;
using Research.Statistics.Design;
using Research.Statistics.Inference;
using Research.Statistics.Regression;

namespace Research.Analysis.Reports;

/// <summary>
/// Subgroup effects at the main horizon, exploratory: the arms' effects within groups by age, migration background,
/// benefit duration and prior work, each estimated like the main effect on the subgroup's persons, and per
/// characteristic the test that the effects do not differ between its groups (interactions of arm and group in one model,
/// Wald test with the primary inference method's variance). Many subgroups are compared, none was pre-registered, and
/// each has fewer persons than the whole arm: differences are hypotheses, not findings.
/// </summary>
public sealed class Subgroups
{
    private Subgroups(IReadOnlyList<SubgroupDimension> dimensions, IReadOnlyList<SubgroupEffect> effects, IReadOnlyList<InteractionTest> tests, IReadOnlyList<string> notes)
    {
        Dimensions = dimensions;
        Effects = effects;
        Tests = tests;
        Notes = notes;
    }

    /// <summary>The characteristics.</summary>
    public IReadOnlyList<SubgroupDimension> Dimensions { get; }

    /// <summary>The effects by characteristic, subgroup, outcome and arm.</summary>
    public IReadOnlyList<SubgroupEffect> Effects { get; }

    /// <summary>The interaction tests by characteristic and outcome.</summary>
    public IReadOnlyList<InteractionTest> Tests { get; }

    /// <summary>What could not be estimated, and why.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The outcomes analysed by subgroup.</summary>
    public static IReadOnlyList<ReportOutcome> Outcomes { get; } = [ReportOutcome.Full, ReportOutcome.PartialOrFull];

    /// <summary>The characteristics of <paramref name="context"/>'s participants.</summary>
    public static IReadOnlyList<SubgroupDimension> DimensionsOf(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var participants = context.Extract.Participants!;
        var births = participants.Integers("birth_year");
        var migration = participants.Strings("migration_background");
        var months = participants.Integers("benefit_months_baseline");
        var earnings = participants.Numbers("earnings_prev_year");
        var panel = context.Panel;
        return
        [
            new("age", "Age at randomisation", ["under 35", "35 to 49", "50 and over"], p => births[p] is { } b
                ? (panel.RandomisationMonth[p].Year - b) switch { < 35 => "under 35", < 50 => "35 to 49", _ => "50 and over" }
                : null),
            new("migration", "Migration background", ["dutch", "western", "non_western"], p => migration[p] is "dutch" or "western" or "non_western" ? migration[p] : null),
            new("benefit_duration", "Time on benefit before randomisation", ["less than 2 years", "2 to 5 years", "5 years or more"], p => months[p] is { } m
                ? m switch { < 24 => "less than 2 years", < 60 => "2 to 5 years", _ => "5 years or more" }
                : null),
            new("prior_work", "Earnings in the previous year", ["some", "none"], p => earnings[p] is { } e ? (e > 0 ? "some" : "none") : null),
        ];
    }

    /// <summary>Estimates every subgroup effect and interaction test at the main horizon.</summary>
    public static Subgroups Compute(ReportContext context, EffectSpecification? specification = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        specification = (specification ?? EffectSpecification.Default).Validated();
        var spec = specification with { Methods = [specification.Primary] };
        var horizon = context.Experiment.PrimaryHorizonMonths;
        var dimensions = DimensionsOf(context);
        var estimation = new Estimation();
        var control = context.Experiment.Control.Code;
        var outcomes = Outcomes.Select(outcome => (Outcome: outcome,
            Y: PrimaryOutcomes.ByPanel(context, context.Panel.At(outcome.Outcome, horizon, Coverage.ExcludeUncovered)),
            Baseline: PrimaryOutcomes.ByPanel(context, context.Panel.PreRandomisation(outcome.Outcome, context.Panel.Definitions.MonthsBefore, Coverage.ExcludeUncovered)))).ToList();

        // Level by level, both outcomes while the level's design is at hand (they are observed for the same persons), so
        // a national-size run factors each subgroup's design once; published in report order (outcome, characteristic).
        var parts = new Dictionary<(ReportOutcome, SubgroupDimension), Part>();
        foreach (var dimension in dimensions)
        {
            foreach (var (outcome, _, _) in outcomes)
            {
                parts[(outcome, dimension)] = new Part(estimation.Part());
            }

            foreach (var level in dimension.Levels)
            {
                foreach (var (outcome, y, baseline) in outcomes)
                {
                    var part = parts[(outcome, dimension)];
                    var sample = EffectSample.Create(context, p => dimension.LevelOf(p) == level ? y[p] : double.NaN, spec.Adjustment.NeedsBaseline ? p => baseline[p] : null,
                        string.Create(CultureInfo.InvariantCulture, $"{outcome.Short} at month {horizon}, {dimension.Label.ToLowerInvariant()} {level.Replace('_', ' ')}"));
                    var estimates = EffectEstimator.ArmEffects(sample, spec, part.Estimation);
                    part.Effects.AddRange(context.Experiment.TreatmentArms.Select((arm, a) =>
                        new SubgroupEffect(dimension, level, arm, outcome, horizon, sample.Count(arm.Code), sample.Count(control), estimates[a])));
                    part.SmallestArm = Math.Min(part.SmallestArm, context.DesignArms.Min(a => sample.Count(a.Code)));
                }
            }

            foreach (var (outcome, y, baseline) in outcomes)
            {
                var part = parts[(outcome, dimension)];
                var all = EffectSample.Create(context, p => dimension.LevelOf(p) is not null ? y[p] : double.NaN, p => baseline[p], $"{outcome.Short}, by {dimension.Label.ToLowerInvariant()}");
                part.Test = new InteractionTest(dimension, outcome, part.Estimation.Try($"{outcome.Short}, test of equal effects by {dimension.Label.ToLowerInvariant()}", () => Interaction(all, dimension, spec)), part.SmallestArm);
            }
        }

        var effects = new List<SubgroupEffect>();
        var tests = new List<InteractionTest>();
        foreach (var outcome in Outcomes)
        {
            foreach (var dimension in dimensions)
            {
                var part = parts[(outcome, dimension)];
                effects.AddRange(part.Effects);
                tests.Add(part.Test!);
                estimation.Include(part.Estimation);
            }
        }

        return new Subgroups(dimensions, effects, tests, estimation.Notes);
    }

    // outcome ~ group + arm + arm × group + baseline (+ strata): are the arm × group terms all zero?
    private static WaldTestResult Interaction(EffectSample sample, SubgroupDimension dimension, EffectSpecification specification)
    {
        var context = sample.Context;
        var levels = sample.Persons.Select(dimension.LevelOf).ToArray();
        var reference = dimension.Levels[0];
        var builder = new DesignBuilder(sample.Y.Count).Intercept()
            .Categorical(dimension.Key, levels, reference, dimension.Levels)
            .Treatment("arm", [.. sample.Arms], context.Experiment.Control.Code, sample.PresentArms);
        var interactions = new List<string>();
        foreach (var arm in context.Experiment.TreatmentArms.Where(a => sample.Count(a.Code) > 0))
        {
            foreach (var level in dimension.Levels.Skip(1))
            {
                var name = $"{EffectSample.Coefficient(arm.Code)}×{dimension.Key}[{level}]";
                builder.Numeric(name, [.. sample.Arms.Select((a, i) => a == arm.Code && levels[i] == level ? 1.0 : 0.0)]);
                interactions.Add(name);
            }
        }

        builder.Numeric("baseline", [.. sample.Baseline!]);
        if (context.IsStratified)
        {
            builder.FixedEffects("stratum", [.. sample.Strata]);
        }

        var design = builder.Build();
        var variance = specification.Primary is SandwichInference sandwich
            ? sandwich.Variance(new EffectModel(sample, specification.Adjustment, design))
            : sample.CaseworkerClusters;
        return WaldTest.AllZero(LinearModel.Fit([.. sample.Y], design, variance), [.. interactions]);
    }

    // One outcome by one characteristic while the levels are estimated: its notes, effects, smallest arm and test.
    private sealed class Part(Estimation estimation)
    {
        public Estimation Estimation { get; } = estimation;

        public List<SubgroupEffect> Effects { get; } = [];

        public int SmallestArm { get; set; } = int.MaxValue;

        public InteractionTest? Test { get; set; }
    }
}
