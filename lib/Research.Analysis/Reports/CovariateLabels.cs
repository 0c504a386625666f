namespace Research.Analysis.Reports;

/// <summary>How the report names the baseline characteristics of the balance table.</summary>
public static class CovariateLabels
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["age"] = "Age (years)",
        ["female"] = "Woman",
        ["benefit_months_baseline"] = "Months on benefit before randomisation",
        ["earnings_prev_year"] = "Earnings in the previous year (€)",
        ["pre_share_over_12h"] = "Share of the previous 12 months working > 12 h a week",
        ["migration"] = "Migration background",
        ["education"] = "Education",
        ["household"] = "Household",
    };

    /// <summary>The label of <paramref name="covariate"/>: "Migration background: non western" for <c>migration[non_western]</c>.</summary>
    public static string Of(string covariate)
    {
        ArgumentNullException.ThrowIfNull(covariate);
        var bracket = covariate.IndexOf('[', StringComparison.Ordinal);
        if (bracket > 0 && covariate.EndsWith(']'))
        {
            var name = covariate[..bracket];
            var level = covariate[(bracket + 1)..^1].Replace('_', ' ');
            return $"{Names.GetValueOrDefault(name, name)}: {level}";
        }

        return Names.GetValueOrDefault(covariate, covariate);
    }
}
