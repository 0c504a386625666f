using Research.Data.Design;
using Research.Statistics.Design;

namespace Research.Analysis.Inference;

/// <summary>
/// The one pre-specified prognostic covariate set of every effect (issue 11): the share of the 12 months before
/// randomisation worked more than 12 hours, prior earnings, benefit duration, age, sex, education, migration background
/// and the randomisation strata, one element per person. Lin's (2013) adjustment centres and interacts them.
/// </summary>
/// <param name="PriorPartialShare">Share of the 12 months before randomisation with more than 12 contractual hours a week.</param>
/// <param name="EarningsPrevYear">Gross earnings in the year before randomisation, euros (enters as log(1 + x)).</param>
/// <param name="BenefitMonths">Months on benefit before randomisation (enters as log(1 + x)).</param>
/// <param name="Age">Age in years at randomisation.</param>
/// <param name="Sex">Sex.</param>
/// <param name="Education">Education level; null (not recorded) is a level of its own.</param>
/// <param name="Migration">Migration background.</param>
/// <param name="Stratum">Randomisation stratum; enters only when there is more than one.</param>
public sealed record PrognosticCovariates(
    IReadOnlyList<double> PriorPartialShare,
    IReadOnlyList<double> EarningsPrevYear,
    IReadOnlyList<double> BenefitMonths,
    IReadOnlyList<double> Age,
    IReadOnlyList<string> Sex,
    IReadOnlyList<string?> Education,
    IReadOnlyList<string> Migration,
    IReadOnlyList<string> Stratum)
{
    /// <summary>The level standing for an education level that was not recorded (the missing-indicator method for a factor).</summary>
    public const string EducationUnknown = "unknown";

    /// <summary>The number of persons.</summary>
    public int Count => Age.Count;

    /// <summary>
    /// The fewest persons a factor level must have in every arm to enter on its own; rarer levels are merged with the
    /// factor's most common level. A level held by one person of an arm would give that person leverage one in the
    /// arm's interacted regression (HC2 and CR2 undefined) and a handful give slopes that rest on them alone.
    /// </summary>
    public const int MinimumLevelCountPerArm = 5;

    /// <summary>
    /// The covariates as a design without intercept, in a fixed order: <c>prior_partial_share</c>,
    /// <c>log_earnings_prev_year</c>, <c>log_benefit_months</c>, <c>age</c>, then the factors <c>sex</c>,
    /// <c>education</c>, <c>migration</c> and (with more than one stratum) <c>stratum</c>, each against its first level in
    /// ordinal order. Earnings and duration are skewed (a few very large values), so they enter on the log scale, which
    /// keeps single persons from dominating an arm's slope. The reference levels do not affect the effects (Lin centres
    /// every covariate). With <paramref name="arms"/>, a factor level with fewer than
    /// <see cref="MinimumLevelCountPerArm"/> persons in some arm is merged with the factor's most common level.
    /// </summary>
    /// <param name="arms">Each person's arm, or null to keep every level.</param>
    /// <exception cref="ArgumentException">Lengths differ, or a numeric value is missing or infinite.</exception>
    public DesignMatrix Design(IReadOnlyList<ExperimentArm>? arms = null)
    {
        var n = Count;
        foreach (var (name, column) in new (string, int)[] { ("prior share", PriorPartialShare.Count), ("earnings", EarningsPrevYear.Count), ("benefit months", BenefitMonths.Count), ("sex", Sex.Count), ("education", Education.Count), ("migration", Migration.Count), ("stratum", Stratum.Count), ("arms", arms?.Count ?? n) })
        {
            if (column != n)
            {
                throw new ArgumentException($"The prognostic covariates must all have {n} values (one per person); {name} has {column}.");
            }
        }

        var builder = new DesignBuilder(n)
            .Numeric("prior_partial_share", Finite(PriorPartialShare, "prior_partial_share"))
            .Numeric("log_earnings_prev_year", Finite(EarningsPrevYear, "earnings_prev_year").Select(v => Math.Log(1 + Math.Max(0, v))).ToArray())
            .Numeric("log_benefit_months", Finite(BenefitMonths, "benefit_months_baseline").Select(v => Math.Log(1 + Math.Max(0, v))).ToArray())
            .Numeric("age", Finite(Age, "age"));
        builder = Factor(builder, "sex", Sex, arms);
        builder = Factor(builder, "education", Education.Select(e => e ?? EducationUnknown).ToArray(), arms);
        builder = Factor(builder, "migration", Migration, arms);
        return (Stratum.Distinct(StringComparer.Ordinal).Count() > 1 ? Factor(builder, "stratum", Stratum, arms) : builder).Build();
    }

    /// <summary>The covariates of the persons at <paramref name="rows"/>, in that order.</summary>
    public PrognosticCovariates Take(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        IReadOnlyList<T> Pick<T>(IReadOnlyList<T> values) => rows.Select(i => values[i]).ToArray();
        return new PrognosticCovariates(Pick(PriorPartialShare), Pick(EarningsPrevYear), Pick(BenefitMonths), Pick(Age), Pick(Sex), Pick(Education), Pick(Migration), Pick(Stratum));
    }

    private static IReadOnlyList<double> Finite(IReadOnlyList<double> values, string name)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(FormattableString.Invariant($"Covariate {name} of person {i} is {values[i]}; the prognostic covariates must be observed for everyone."));
            }
        }

        return values;
    }

    private static DesignBuilder Factor(DesignBuilder builder, string name, IReadOnlyList<string> values, IReadOnlyList<ExperimentArm>? arms)
    {
        var pooled = arms is null ? values : Pooled(values, arms);
        var levels = pooled.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return levels.Count < 2 ? builder : builder.Categorical(name, pooled, levels[0]);
    }

    /// <summary>The values with every level that has fewer than <see cref="MinimumLevelCountPerArm"/> persons in some arm replaced by the most common level.</summary>
    private static IReadOnlyList<string> Pooled(IReadOnlyList<string> values, IReadOnlyList<ExperimentArm> arms)
    {
        // One pass counts every level in every arm: a scan of all persons per level and arm cost a national report 3-4 %
        // of its time. The few arms are looked up in a short list (a record's equality tests the reference first), where
        // a dictionary would hash every person's arm, strings included.
        var distinctArms = new List<ExperimentArm>();
        foreach (var arm in arms)
        {
            if (!distinctArms.Contains(arm))
            {
                distinctArms.Add(arm);
            }
        }

        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            if (!counts.TryGetValue(values[i], out var perArm))
            {
                counts.Add(values[i], perArm = new int[distinctArms.Count]);
            }

            perArm[distinctArms.IndexOf(arms[i])]++;
        }

        var common = counts.OrderByDescending(level => level.Value.Sum()).ThenBy(level => level.Key, StringComparer.Ordinal).First().Key;
        var rare = counts.Where(level => level.Value.Any(count => count < MinimumLevelCountPerArm)).Select(level => level.Key).ToHashSet(StringComparer.Ordinal);
        return rare.Count == 0 ? values : values.Select(v => rare.Contains(v) ? common : v).ToArray();
    }
}
