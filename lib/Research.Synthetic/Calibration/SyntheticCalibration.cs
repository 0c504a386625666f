using System.Text.Json;
using System.Text.Json.Serialization;

namespace Research.Synthetic.Calibration;

/// <summary>
/// The modelling choices behind the synthetic extracts (embedded <c>calibration.json</c>): control-group shares over
/// time, planted effects per municipality and arm, and the survey model. Every number is documented in the file.
/// </summary>
public sealed record SyntheticCalibration
{
    /// <summary>What the calibration is and where it comes from.</summary>
    public required string Description { get; init; }

    /// <summary>Control-group shares by month since randomisation, as (month, share) points interpolated linearly.</summary>
    public required OutcomeCurves ControlShare { get; init; }

    /// <summary>Share of the population in small jobs (up to 12 hours a week).</summary>
    public required double SmallJobShare { get; init; }

    /// <summary>Probability of being off benefit when working more than 27 hours.</summary>
    public required double OffBenefitGivenFullTime { get; init; }

    /// <summary>Probability of being off benefit when working 12–27 hours.</summary>
    public required double OffBenefitGivenPartTime { get; init; }

    /// <summary>Probit loading of the work propensity on employability.</summary>
    public required double EmployabilityLoading { get; init; }

    /// <summary>Standard deviation of the caseworker effect on employability.</summary>
    public required double CaseworkerSd { get; init; }

    /// <summary>Month-to-month correlation of the latent work process (spells).</summary>
    public required double MonthlyPersistence { get; init; }

    /// <summary>How strongly employability drives participation among the invited.</summary>
    public required double SelectionStrength { get; init; }

    /// <summary>Months over which an effect ramps up after randomisation.</summary>
    public required int EffectRampMonths { get; init; }

    /// <summary>Logistic take-up model in treatment arms.</summary>
    public required TakeUpModel TakeUp { get; init; }

    /// <summary>Caseload per caseworker.</summary>
    public required int ClientsPerCaseworker { get; init; }

    /// <summary>
    /// Planted intent-to-treat effects: municipality → arm → profile. The generator gives those who take up the effect
    /// divided by the municipality's expected take-up, so the effect on the treated follows from take-up.
    /// </summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, ArmEffect>> Effects { get; init; }

    /// <summary>The survey model.</summary>
    public required WellbeingModel Wellbeing { get; init; }

    // Declared before Default, whose initializer reads it.
    private static readonly JsonSerializerOptions ReadOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>The calibration shipped with the library.</summary>
    public static SyntheticCalibration Default { get; } = Load();

    /// <summary>The planted intent-to-treat effect of <paramref name="arm"/> in <paramref name="municipality"/> (zero when none is planted).</summary>
    public ArmEffect EffectOf(string municipality, string arm) =>
        Effects.TryGetValue(municipality, out var arms) && arms.TryGetValue(arm, out var effect) ? effect : ArmEffect.None;

    /// <summary>
    /// The same model with every planted effect (register and wellbeing) set to zero: the world in which a test's
    /// rejection rate is its size.
    /// </summary>
    public SyntheticCalibration WithoutEffects() => this with
    {
        Effects = new Dictionary<string, IReadOnlyDictionary<string, ArmEffect>>(StringComparer.Ordinal),
        Wellbeing = Wellbeing with { Effects = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>>(StringComparer.Ordinal) },
    };

    private static SyntheticCalibration Load()
    {
        using var stream = typeof(SyntheticCalibration).Assembly.GetManifestResourceStream("Research.Synthetic.calibration.json")
            ?? throw new InvalidOperationException("calibration.json is not embedded in Research.Synthetic");
        return JsonSerializer.Deserialize<SyntheticCalibration>(stream, ReadOptions)
            ?? throw new InvalidOperationException("calibration.json is empty");
    }
}

/// <summary>Control shares of the two hours thresholds over months since randomisation.</summary>
public sealed record OutcomeCurves
{
    /// <summary>More than 12 hours a week (partial plus full outflow).</summary>
    public required double[][] PartialFull { get; init; }

    /// <summary>More than 27 hours a week (full outflow).</summary>
    public required double[][] Full { get; init; }

    /// <summary>Linear interpolation of a (month, share) curve, constant beyond its ends.</summary>
    public static double At(double[][] curve, int month)
    {
        if (month <= curve[0][0])
        {
            return curve[0][1];
        }

        for (var i = 1; i < curve.Length; i++)
        {
            if (month <= curve[i][0])
            {
                var w = (month - curve[i - 1][0]) / (curve[i][0] - curve[i - 1][0]);
                return curve[i - 1][1] + (w * (curve[i][1] - curve[i - 1][1]));
            }
        }

        return curve[^1][1];
    }
}

/// <summary>Logistic take-up: logit P = intercept + employability × slope.</summary>
public sealed record TakeUpModel
{
    /// <summary>Intercept on the logit scale.</summary>
    public required double Intercept { get; init; }

    /// <summary>Slope on employability.</summary>
    public required double Employability { get; init; }

    /// <summary>The take-up probability of someone with employability <paramref name="e"/>.</summary>
    public double Probability(double e) => 1.0 / (1.0 + Math.Exp(-(Intercept + (Employability * e))));
}

/// <summary>An arm's planted effect on the two hours thresholds.</summary>
public sealed record ArmEffect
{
    /// <summary>The effect multiplied by <paramref name="factor"/> (e.g. an intent-to-treat effect over take-up).</summary>
    public ArmEffect Scaled(double factor) => new() { PartialFull = PartialFull.Scaled(factor), Full = Full.Scaled(factor) };

    /// <summary>No effect.</summary>
    public static ArmEffect None { get; } = new() { PartialFull = EffectProfile.Zero, Full = EffectProfile.Zero };

    /// <summary>Effect on working more than 12 hours.</summary>
    public required EffectProfile PartialFull { get; init; }

    /// <summary>Effect on working more than 27 hours.</summary>
    public required EffectProfile Full { get; init; }
}

/// <summary>An effect reached at the end of the intervention and 24 months later.</summary>
public sealed record EffectProfile
{
    /// <summary>No effect.</summary>
    public static EffectProfile Zero { get; } = new() { End = 0, Post = 0 };

    /// <summary>Effect at the end of the intervention period.</summary>
    public required double End { get; init; }

    /// <summary>Effect 24 months after the end.</summary>
    public required double Post { get; init; }

    /// <summary>Both values multiplied by <paramref name="factor"/>.</summary>
    public EffectProfile Scaled(double factor) => new() { End = End * factor, Post = Post * factor };

    /// <summary>
    /// The effect <paramref name="month"/> months after randomisation for someone whose experiment ends
    /// <paramref name="endMonth"/> months after randomisation: ramping up over <paramref name="ramp"/> months, then
    /// <see cref="End"/> until <paramref name="endMonth"/>, moving linearly to <see cref="Post"/> over the 24 months after.
    /// </summary>
    public double At(int month, int endMonth, int ramp)
    {
        if (month <= 0)
        {
            return 0;
        }

        if (month <= endMonth)
        {
            return End * Math.Min(1.0, month / (double)ramp);
        }

        var w = Math.Min(1.0, (month - endMonth) / 24.0);
        return End + (w * (Post - End));
    }
}

/// <summary>The survey model: latent traits, items, response and its attrition.</summary>
public sealed record WellbeingModel
{
    /// <summary>What the model is.</summary>
    public required string Description { get; init; }

    /// <summary>Loading of each item on its trait (sets the reliability).</summary>
    public required double ItemLoading { get; init; }

    /// <summary>Upward drift of every trait per year, all groups.</summary>
    public required double DriftPerYear { get; init; }

    /// <summary>Trait shift of working more than 12 hours.</summary>
    public required double WorkingEffect { get; init; }

    /// <summary>Wave-specific noise of the traits.</summary>
    public required double WaveNoiseSd { get; init; }

    /// <summary>Probability an item is answered "don't know" or refused.</summary>
    public required double ItemNonresponse { get; init; }

    /// <summary>Probability an item answer is out of range (a recording error).</summary>
    public required double OutOfRange { get; init; }

    /// <summary>Response rate per wave.</summary>
    public required double[] ResponseRate { get; init; }

    /// <summary>Odds ratio of responding when off benefit (attrition is higher among leavers).</summary>
    public required double OffBenefitResponseOddsRatio { get; init; }

    /// <summary>
    /// Change in the log-odds of responding per SD of the person's latent wellbeing at the wave: attrition that depends
    /// on the outcome itself, which register covariates cannot fully explain.
    /// </summary>
    public required double ResponseWellbeingLogOdds { get; init; }

    /// <summary>Planted trait effects on those who take up: municipality → arm → trait → effect in SD units.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>> Effects { get; init; }

    /// <summary>The planted effect of <paramref name="arm"/> on <paramref name="trait"/>.</summary>
    public double EffectOf(string municipality, string arm, string trait) =>
        Effects.TryGetValue(municipality, out var arms) && arms.TryGetValue(arm, out var traits) && traits.TryGetValue(trait, out var v) ? v : 0.0;
}
