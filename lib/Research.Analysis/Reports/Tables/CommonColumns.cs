using System.Globalization;
using Research.Analysis.Effects;
using Research.Analysis.Results;
using Research.Data.Design;
using Research.Statistics.Equivalence;

namespace Research.Analysis.Reports.Tables;

/// <summary>Columns that many report tables share: the arm, the outcome and horizon, and an effect under one inference method.</summary>
public static class CommonColumns
{
    /// <summary>The arm's code and Dutch name and, with <paramref name="withType"/>, its intervention type (code and Dutch name).</summary>
    public static TableBuilder<T> Arm<T>(this TableBuilder<T> builder, Func<T, ExperimentArm> arm, bool withType = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Label("arm", "Arm code", r => arm(r).Code).Label("arm_name_nl", "Arm", r => arm(r).NameNl);
        return withType
            ? builder.Label("arm_type", "Intervention type code", r => arm(r).TypeLabel).Label("arm_type_nl", "Intervention", r => ArmTypes.Dutch(arm(r).TypeLabel))
            : builder;
    }

    /// <summary>The outcome's key and label and, when <paramref name="horizon"/> is given, the months since randomisation.</summary>
    public static TableBuilder<T> Outcome<T>(this TableBuilder<T> builder, Func<T, ReportOutcome> outcome, Func<T, int>? horizon = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Label("outcome", "Outcome code", r => outcome(r).Key).Label("outcome_label", "Outcome", r => outcome(r).Label);
        return horizon is null ? builder : builder.Label("horizon", "Month", r => horizon(r).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The equivalence conclusion of an effect under <paramref name="method"/> against the smallest effect of policy
    /// interest (<c>equivalence</c>: equivalent, equivalent_but_different, different, exceeds_margin, inconclusive) and
    /// whether the HC2 result is shown because the clustered interval was narrower (<c>hc2_shown</c>: yes or no).
    /// </summary>
    public static TableBuilder<T> Judgement<T>(this TableBuilder<T> builder, Func<T, EffectEstimate?> effect, InferenceMethod method)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(method);
        return builder
            .Label("equivalence", "Against the smallest effect of interest", r => effect(r)?.For(method)?.Equivalence is { } c ? EquivalenceKey(c) : null)
            .Label("hc2_shown", "HC2 shown (clustered interval narrower)", r => effect(r)?.For(method) is { } i ? (i.ClusteredNarrowerThanRobust ? "yes" : "no") : null);
    }

    /// <summary>The key of an equivalence conclusion in result files.</summary>
    public static string EquivalenceKey(EquivalenceConclusion conclusion) => conclusion switch
    {
        EquivalenceConclusion.Equivalent => "equivalent",
        EquivalenceConclusion.EquivalentButDifferent => "equivalent_but_different",
        EquivalenceConclusion.Different => "different",
        EquivalenceConclusion.ExceedsMargin => "exceeds_margin",
        _ => "inconclusive",
    };

    /// <summary>
    /// An effect under <paramref name="method"/>: estimate, se, ci_low, ci_high, p and, optionally, p_holm (the
    /// family-adjusted p-value) and df. <paramref name="when"/> limits the columns to the rows that have an effect at all.
    /// </summary>
    public static TableBuilder<T> Effect<T>(this TableBuilder<T> builder, Func<T, EffectEstimate?> effect, InferenceMethod method, ValueUnit unit,
        bool adjustedP = true, bool degreesOfFreedom = true, Func<T, bool>? when = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(method);
        Effects.Inference? Of(T r) => effect(r)?.For(method);
        builder
            .Number(ResultValue.Estimate, ColumnKind.Estimate, "Effect", r => Of(r) is null ? null : effect(r)!.Estimate, unit, when)
            .Number(ResultValue.StandardError, ColumnKind.Spread, "Standard error", r => Of(r)?.StandardError, unit, when)
            .Number(ResultValue.CiLow, ColumnKind.Limit, "95% CI, lower", r => Of(r)?.CiLow, unit, when)
            .Number(ResultValue.CiHigh, ColumnKind.Limit, "95% CI, upper", r => Of(r)?.CiHigh, unit, when)
            .Number(ResultValue.PValue, ColumnKind.PValue, "p", r => Of(r)?.PValue, ValueUnit.None, when);
        if (adjustedP)
        {
            builder.Number(ResultValue.AdjustedP, ColumnKind.PValue, "p (Holm)", r => Of(r)?.AdjustedPValue, ValueUnit.None, when);
        }

        return degreesOfFreedom
            ? builder.Number("df", ColumnKind.DegreesOfFreedom, "df", r => Of(r)?.DegreesOfFreedom is { } df && double.IsFinite(df) ? df : null, ValueUnit.None, when)
            : builder;
    }
}
