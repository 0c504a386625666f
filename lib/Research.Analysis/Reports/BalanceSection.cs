using Research.Analysis.Disclosure;
using Research.Analysis.Outcomes;
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
    private BalanceSection(IReadOnlyList<BalanceCell> cells, IReadOnlyList<BalanceJointTest> jointTests, IReadOnlyList<string> merged)
    {
        Cells = cells;
        JointTests = jointTests;
        MergedCategories = merged;
    }

    /// <summary>Per characteristic (in design order) one cell per arm (design order).</summary>
    public IReadOnlyList<BalanceCell> Cells { get; }

    /// <summary>Per treatment arm, the joint test of balance.</summary>
    public IReadOnlyList<BalanceJointTest> JointTests { get; }

    /// <summary>
    /// Indicator categories merged into their reference category because fewer than the minimum number of persons in some
    /// arm have (or lack) them (coarsening, as disclosure control asks; it also keeps the joint tests estimable).
    /// </summary>
    public IReadOnlyList<string> MergedCategories { get; }

    /// <summary>Computes the table.</summary>
    public static BalanceSection Compute(ReportContext context, int minimumCount = Disclosure.DisclosureControl.CbsMinimumCount)
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
        Indicators(columns, merged, context, minimumCount, "migration", rows.Select(r => Text(migration, r, "missing")).ToArray(), "dutch");
        Indicators(columns, merged, context, minimumCount, "education", rows.Select(r => Text(education, r, "missing")).ToArray(), "low");
        Indicators(columns, merged, context, minimumCount, "household", rows.Select(r => Text(household, r, "missing")).ToArray(), "single");
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
        var cells = new List<BalanceCell>();
        for (var j = 0; j < table.Rows.Count; j++)
        {
            var row = table.Rows[j];
            var column = design.Column(row.Covariate).ToArray();
            var indicator = column.All(v => v is 0 or 1);
            foreach (var arm in context.Experiment.Arms)
            {
                var a = IndexOf(table.Arms, arm.Code);
                var inArm = column.Where((_, i) => context.Arms[i] == arm.Code).ToList();
                int? with = indicator ? inArm.Count(v => v == 1) : null;
                cells.Add(new BalanceCell(row.Covariate, arm, row.Means[a], row.StandardDeviations[a],
                    arm.IsControl ? null : row.StandardizedDifferences[IndexOf(treated, arm.Code)], table.Counts[a], with, indicator ? null : Magnitude.Of(inArm)));
            }
        }

        var joint = context.Experiment.TreatmentArms.Select(arm => new BalanceJointTest(arm, table.JointTests[IndexOf(treated, arm.Code)],
            table.Counts[IndexOf(table.Arms, arm.Code)] + table.Counts[IndexOf(table.Arms, control)])).ToList();
        return new BalanceSection(cells, joint, merged);
    }

    /// <summary>
    /// Adds one indicator per category of <paramref name="values"/> other than <paramref name="reference"/>. A category
    /// that fewer than the minimum number of persons in some arm have, or lack, is merged into the reference category
    /// (coarsening, as disclosure control asks; it also keeps the joint tests estimable).
    /// </summary>
    private static void Indicators(List<(string Name, double[] Values)> columns, List<string> merged, ReportContext context, int minimumCount, string name, string[] values, string reference)
    {
        foreach (var level in values.Distinct(StringComparer.Ordinal).Where(l => l != reference).Order(StringComparer.Ordinal))
        {
            var column = values.Select(v => v == level ? 1.0 : 0.0).ToArray();
            // Arms below the minimum publish no balance rows at all, so they do not force a category to be merged.
            var sparse = context.DesignArms.Where(arm => context.Arms.Count(a => a == arm.Code) >= minimumCount).Any(arm =>
            {
                var inArm = Enumerable.Range(0, column.Length).Where(i => context.Arms[i] == arm.Code).ToList();
                var with = inArm.Count(i => column[i] == 1);
                return with < minimumCount || inArm.Count - with < minimumCount;
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
