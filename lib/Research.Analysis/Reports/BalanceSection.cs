using System.Globalization;
using Research.Analysis.Outcomes;
using Research.Analysis.Results;
using Research.Data.Tables;
using Research.Statistics.Balance;
using Research.Statistics.Design;
using Research.Statistics.Regression;

namespace Research.Analysis.Reports;

/// <summary>
/// Section 2, balance at baseline: means and SDs of the participant characteristics and the pre-randomisation outcome
/// by arm, standardized differences against the control, and per arm the joint test that the characteristics do not
/// predict assignment (linear probability model, HC2 Wald F test).
/// </summary>
public sealed class BalanceSection
{
    private readonly ReportContext _context;

    private BalanceSection(ReportContext context, ResultTable balance)
    {
        _context = context;
        Balance = balance;
    }

    /// <summary>
    /// Table <c>balance</c>: key <c>{covariate}|{arm}</c> (mean, sd, smd against the control, n; for indicators also
    /// n_with and n_without) and <c>joint|{arm}</c> (F, df1, df2, p, n).
    /// </summary>
    public ResultTable Balance { get; }

    /// <summary>The tables in report order.</summary>
    public IReadOnlyList<ResultTable> Tables => [Balance];

    /// <summary>
    /// The balance table for reading: one row per characteristic with each arm's mean and standardized difference side
    /// by side (withheld cells stay withheld), then the joint tests.
    /// </summary>
    public (ReportTable Characteristics, ReportTable JointTests) ForDisplay()
    {
        var arms = _context.Experiment.Arms;
        var wide = Balance.Rows.Where(r => !r.Key.StartsWith("joint|", StringComparison.Ordinal)).GroupBy(r => r.Labels["covariate"]).Select(g =>
            Publication.Row(g.Key, [("covariate", g.Key)], arms.SelectMany(arm =>
            {
                var row = g.FirstOrDefault(r => r.Labels["arm"] == arm.Code);
                var mean = ($"mean {arm.NameNl}", row?["mean"]);
                return arm.IsControl ? [mean] : new[] { mean, ($"smd {arm.NameNl}", row?["smd"]) };
            }))).ToList();
        var table = Balance with { Name = "balance_wide", Rows = wide };
        var joint = Balance with { Name = "balance_joint", Title = "Joint tests of balance", Rows = [.. Balance.Rows.Where(r => r.Key.StartsWith("joint|", StringComparison.Ordinal))] };
        return (new ReportTable(table), new ReportTable(joint, ["arm_name_nl"], ["F", "df1", "df2", ResultValue.PValue, ResultValue.N]));
    }

    /// <summary>Computes the table.</summary>
    public static BalanceSection Compute(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var participants = context.Extract.Participants!;
        var rows = context.Persons;
        var n = rows.Count;
        string Text(StringColumn column, int row, string missing) => column[row] ?? missing;
        var sex = participants.Strings("sex");
        var migration = participants.Strings("migration_background");
        var education = participants.Strings("education_level");
        var household = participants.Strings("household_type");
        var births = participants.Integers("birth_year");
        var months = participants.Integers("benefit_months_baseline");
        var earnings = participants.Numbers("earnings_prev_year");
        var baseline = PrimaryOutcomes.ByPanel(context, context.Panel.PreRandomisation(Outcome.PartialOrFullOutflow, context.Panel.Definitions.MonthsBefore, Coverage.ExcludeUncovered));

        double Required(double? value, string column, int row) => value ?? throw new InvalidDataException(
            $"{participants.Resource.Path} row {participants.FileRowNumber(row)}: {column} is missing; the balance table needs it for every participant");

        var columns = new List<(string Name, double[] Values)>
        {
            ("age", rows.Select(r => context.Panel.RandomisationMonth[r].Year - Required(births[r], "birth_year", r)).ToArray()),
            ("female", rows.Select(r => Text(sex, r, "missing") == "female" ? 1.0 : 0.0).ToArray()),
        };
        var merged = new List<string>();
        Indicators(columns, merged, context, "migration", rows.Select(r => Text(migration, r, "missing")).ToArray(), "dutch");
        Indicators(columns, merged, context, "education", rows.Select(r => Text(education, r, "missing")).ToArray(), "low");
        Indicators(columns, merged, context, "household", rows.Select(r => Text(household, r, "missing")).ToArray(), "single");
        columns.Add(("benefit_months_baseline", rows.Select(r => Required(months[r], "benefit_months_baseline", r)).ToArray()));
        columns.Add(("earnings_prev_year", rows.Select(r => Required(earnings[r], "earnings_prev_year", r)).ToArray()));
        columns.Add(("pre_share_over_12h", rows.Select(r => double.IsFinite(baseline[r]) ? baseline[r] : throw new InvalidDataException(
            $"{context.Panel.Describe(r)}: the register does not cover the 12 months before randomisation")).ToArray()));
        var builder = new DesignBuilder(n);
        foreach (var (name, values) in columns)
        {
            builder.Numeric(name, values);
        }

        var design = builder.Build();

        var control = context.Experiment.Control.Code;
        var table = BalanceTable.Compute(context.Arms, control, design, VarianceEstimator.HC2);
        var treated = table.Arms.Where(a => a != control).ToList();
        var result = new List<ResultRow>();
        for (var j = 0; j < table.Rows.Count; j++)
        {
            var row = table.Rows[j];
            var column = design.Column(row.Covariate).ToArray();
            var indicator = column.All(v => v is 0 or 1);
            foreach (var arm in context.Experiment.Arms)
            {
                var a = IndexOf(table.Arms, arm.Code);
                var count = table.Counts[a];
                var with = indicator ? context.Arms.Select((x, i) => x == arm.Code && column[i] == 1 ? 1 : 0).Sum() : 0;
                var values = new List<(string, double?)> { ("mean", row.Means[a]), ("sd", row.StandardDeviations[a]), (ResultValue.N, count) };
                if (!arm.IsControl)
                {
                    values.Add(("smd", row.StandardizedDifferences[IndexOf(treated, arm.Code)]));
                }

                if (indicator)
                {
                    values.Add(("n_with", with));
                    values.Add(("n_without", count - with));
                }

                result.Add(Publication.Row($"{row.Covariate}|{arm.Code}", [("covariate", row.Covariate), ("arm", arm.Code), ("arm_name_nl", arm.NameNl)], values));
            }
        }

        foreach (var arm in context.Experiment.TreatmentArms)
        {
            var test = table.JointTests[IndexOf(treated, arm.Code)];
            result.Add(Publication.Row(
                $"joint|{arm.Code}",
                [("covariate", "joint test"), ("arm", arm.Code), ("arm_name_nl", arm.NameNl)],
                [("F", test.F), ("df1", test.NumeratorDf), ("df2", double.IsFinite(test.DenominatorDf) ? test.DenominatorDf : null), (ResultValue.PValue, test.PValue),
                 (ResultValue.N, table.Counts[IndexOf(table.Arms, arm.Code)] + table.Counts[IndexOf(table.Arms, control)])]));
        }

        return new BalanceSection(context, Publication.Table("balance", "Balance at baseline", result,
        [
            "smd: standardized difference with the control arm, (mean − mean_control) / √((var + var_control) / 2); |smd| > 0.1 is commonly read as imbalance.",
            "Joint test: regression of the indicator 'in this arm' on all characteristics (this arm and the control), Wald F test that all slopes are zero, HC2 standard errors.",
            "age: in the year of randomisation; pre_share_over_12h: share of the 12 months before randomisation with more than 12 contractual hours a week. Indicators (migration, education, household) are against the first level (dutch, low, single); a missing education level is its own category.",
            string.Create(CultureInfo.InvariantCulture, $"For indicators, n_with and n_without count the persons with and without the characteristic; a row with either below {Publication.MinimumCount} is withheld."),
            .. merged.Count == 0 ? Array.Empty<string>() : [string.Create(CultureInfo.InvariantCulture,
                $"Coarsened: categories with fewer than {Publication.MinimumCount} persons with or without them in some arm are merged into the reference category ({string.Join(", ", merged)}).")],
        ]));
    }

    /// <summary>
    /// Adds one indicator per category of <paramref name="values"/> other than <paramref name="reference"/>. A category
    /// that fewer than the minimum number of persons in some arm have, or lack, is merged into the reference category
    /// (coarsening, as disclosure control asks; it also keeps the joint tests estimable).
    /// </summary>
    private static void Indicators(List<(string Name, double[] Values)> columns, List<string> merged, ReportContext context, string name, string[] values, string reference)
    {
        foreach (var level in values.Distinct(StringComparer.Ordinal).Where(l => l != reference).Order(StringComparer.Ordinal))
        {
            var column = values.Select(v => v == level ? 1.0 : 0.0).ToArray();
            var sparse = context.DesignArms.Any(arm =>
            {
                var inArm = Enumerable.Range(0, column.Length).Where(i => context.Arms[i] == arm.Code).ToList();
                var with = inArm.Count(i => column[i] == 1);
                return !Publication.MayPublish(with) || !Publication.MayPublish(inArm.Count - with);
            });
            var label = $"{name}[{level}]";
            if (sparse)
            {
                merged.Add(label);
            }
            else
            {
                columns.Add((label, column));
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"arm '{value}' is not among {string.Join(", ", list)}");
    }
}
