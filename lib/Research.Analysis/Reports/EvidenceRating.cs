using System.Globalization;
using Research.Data.Design;
using Research.Statistics.Multiplicity;

namespace Research.Analysis.Reports;

/// <summary>
/// The strength of the evidence on the Maryland Scientific Methods Scale (SMS), with the facts behind the levels, so
/// a report can state them in any language.
/// </summary>
/// <remarks>
/// The SMS level rates internal validity. An individually randomised experiment starts at 5. Register outcomes drop to 4
/// when a baseline joint test rejects balance (Holm-adjusted across arms, p &lt; 0.01). Survey outcomes drop one level for
/// more than 20% attrition at the last wave and one more for differential attrition between arms (p &lt; 0.05).
/// Non-random assignment of caseworkers, a self-chosen component and selective participation limit what the effects mean
/// and to whom they generalise; they are stated as caveats rather than folded into the level, because they do not bias
/// the randomised comparison.
/// </remarks>
/// <param name="RegisterLevel">SMS level of the register (outflow) evidence.</param>
/// <param name="SurveyLevel">SMS level of the survey (wellbeing) evidence.</param>
/// <param name="ImbalancedArms">Arms whose baseline joint test rejects balance after the Holm correction.</param>
/// <param name="LastWaveAttrition">The share of those randomised who did not answer the last survey wave.</param>
/// <param name="DifferentialAttritionP">The p-value of the test of equal response at the last wave, when testable.</param>
/// <param name="SelfChosenArms">Arms in which participants chose the component themselves.</param>
/// <param name="ParticipationRate">Participants as a share of those invited.</param>
public sealed record EvidenceRating(int RegisterLevel, int SurveyLevel, IReadOnlyList<ExperimentArm> ImbalancedArms, double LastWaveAttrition,
    double? DifferentialAttritionP, IReadOnlyList<ExperimentArm> SelfChosenArms, double ParticipationRate)
{
    /// <summary>Holm-adjusted level below which a baseline joint test counts as imbalance.</summary>
    public const double ImbalanceLevel = 0.01;

    /// <summary>Attrition above which survey evidence is downgraded.</summary>
    public const double AttritionThreshold = 0.20;

    /// <summary>The p-value below which response counts as differing between arms.</summary>
    public const double DifferentialAttritionLevel = 0.05;

    /// <summary>Whether survey evidence lost a level for attrition.</summary>
    public bool HighAttrition => LastWaveAttrition > AttritionThreshold;

    /// <summary>Whether survey evidence lost a level for differential attrition.</summary>
    public bool DifferentialAttrition => DifferentialAttritionP is < DifferentialAttritionLevel;

    /// <summary>Rates the evidence.</summary>
    public static EvidenceRating Compute(ReportContext context, BalanceSection balance, Attrition attrition)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(balance);
        ArgumentNullException.ThrowIfNull(attrition);
        var joint = balance.JointTests.Where(t => double.IsFinite(t.Test.PValue)).ToList();
        var adjusted = PValueAdjustment.Holm(joint.Select(t => t.Test.PValue).ToList());
        var imbalanced = joint.Where((_, i) => adjusted[i] < ImbalanceLevel).Select(t => t.Arm).ToList();
        var register = imbalanced.Count > 0 ? 4 : 5;
        var rating = new EvidenceRating(register, register, imbalanced, attrition.LastWaveAttrition, attrition.LastWaveTestP,
            [.. context.Experiment.TreatmentArms.Where(a => a.ComponentSelfChosen)], context.Experiment.Participants / (double)context.Experiment.Invited);
        return rating with { SurveyLevel = register - (rating.HighAttrition ? 1 : 0) - (rating.DifferentialAttrition ? 1 : 0) };
    }

    /// <summary>Why the levels are what they are, in English.</summary>
    public IReadOnlyList<string> Reasons()
    {
        var c = CultureInfo.InvariantCulture;
        var reasons = new List<string> { "Participants were randomised individually to the arms: the design starts at level 5." };
        reasons.Add(ImbalancedArms.Count > 0
            ? $"Baseline characteristics predict assignment to {string.Join(", ", ImbalancedArms.Select(a => a.NameNl))} (joint test, Holm-adjusted across arms, p < 0.01): the randomisation may not have produced comparable groups, level 4."
            : "The arms are balanced at baseline: no joint test rejects at the 1% level after the Holm correction across arms.");
        if (HighAttrition)
        {
            reasons.Add(string.Create(c, $"Survey outcomes: {LastWaveAttrition * 100:0}% of those randomised did not answer the last wave (more than {AttritionThreshold * 100:0}%), so the survey evidence is one level lower."));
        }

        if (DifferentialAttrition)
        {
            reasons.Add(string.Create(c, $"Survey outcomes: response at the last wave differs between arms (p = {DifferentialAttritionP:0.000}), which can bias the comparison; one level lower."));
        }

        return reasons;
    }
}
