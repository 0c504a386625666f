using System.Globalization;
using Research.Analysis.Disclosure;
using Research.Analysis.Results;
using Research.Data.Design;

namespace Research.Analysis.Reports.Tables;

/// <summary>The table of <see cref="BalanceSection"/>: <c>balance</c>.</summary>
public static class BalanceTables
{
    /// <summary>A row of the balance table: a characteristic in an arm, or a joint test.</summary>
    /// <param name="Cell">The characteristic in one arm, or null for a joint test.</param>
    /// <param name="Joint">The joint test, or null.</param>
    /// <param name="Control">The control arm.</param>
    /// <param name="ControlN">Persons in the control arm.</param>
    public sealed record Row(BalanceCell? Cell, BalanceJointTest? Joint, ExperimentArm Control, int ControlN)
    {
        /// <summary>The arm of the row.</summary>
        public ExperimentArm Arm => Cell?.Arm ?? Joint!.Arm;

        /// <summary>The groups the row's comparison with the control rests on.</summary>
        public IReadOnlyList<int> Support => Cell is { } c ? (c.Arm.IsControl ? [c.N] : [c.N, ControlN]) : [Joint!.N - ControlN, ControlN];
    }

    /// <summary>
    /// Table <c>balance</c>: key <c>{covariate}|{arm}</c>: for a 0/1 characteristic the share with it, n_with and n_without;
    /// for others the mean and sd; n and (treatment arms) the standardized difference smd. Key <c>joint|{arm}</c>: the
    /// joint test (F, df1, df2, p, n).
    /// </summary>
    public static TableDefinition<Row> Balance { get; } = new TableBuilder<Row>("balance", "Balance at baseline",
            r => r.Cell is { } c ? $"{c.Covariate}|{c.Arm.Code}" : $"joint|{r.Joint!.Arm.Code}")
        .Label("covariate", "Characteristic code", r => r.Cell?.Covariate ?? "joint test")
        .Label("covariate_label", "Characteristic", r => r.Cell is { } c ? CovariateLabels.Of(c.Covariate) : "Joint test")
        .Arm(r => r.Arm, withType: false)
        .Count(ResultValue.N, "Persons", r => r.Cell?.N, r => Populations.Arm(r.Arm), r => r.Cell is not null)
        .Share("share", "Share with it", ResultValue.N, r => r.Cell?.Mean, r => r.Cell is { IsIndicator: true },
            r => r.Cell is { } c ? (Populations.Characteristic(c.Arm, c.Covariate, true), Populations.Characteristic(c.Arm, c.Covariate, false)) : null,
            r => r.Cell is { } c ? new ShareLink($"balance:{c.Covariate}", c.Arm.Code) : null)
        .Count("n_with", "With", r => r.Cell?.With, r => Populations.Characteristic(r.Arm, r.Cell!.Covariate, true), r => r.Cell is { IsIndicator: true })
        .Count("n_without", "Without", r => r.Cell?.Without, r => Populations.Characteristic(r.Arm, r.Cell!.Covariate, false), r => r.Cell is { IsIndicator: true })
        .Amount("mean", "Mean", ValueUnit.None, ResultValue.N, r => r.Cell?.Mean, r => r.Cell is { IsIndicator: false }, r => r.Cell?.Magnitude)
        .SpreadOf("mean", "sd", "SD", r => r.Cell?.StandardDeviation, r => r.Cell is { IsIndicator: false })
        .Number("smd", ColumnKind.Index, "Standardized difference", r => r.Cell?.StandardizedDifference, when: r => r.Cell is { StandardizedDifference: not null })
        .SampleSize("n_compared", "Persons compared", r => r.Joint?.N, r => r.Joint is not null)
        .Number("F", ColumnKind.Statistic, "F", r => r.Joint?.Test.F, when: r => r.Joint is not null)
        .Number("df1", ColumnKind.DegreesOfFreedom, "df1", r => r.Joint?.Test.NumeratorDf, when: r => r.Joint is not null)
        .Number("df2", ColumnKind.DegreesOfFreedom, "df2", r => r.Joint?.Test.DenominatorDf is { } d && double.IsFinite(d) ? d : null, when: r => r.Joint is not null)
        .Number(ResultValue.PValue, ColumnKind.PValue, "p", r => r.Joint?.Test.PValue, when: r => r.Joint is not null)
        .Support(r => r.Support)
        .Links(r => r.Cell is { IsIndicator: true, Arm.IsControl: false } c ? new EffectLink($"balance:{c.Covariate}", c.Arm.Code, r.Control.Code) : null)
        .Build();

    /// <summary>The section's draft tables in report order.</summary>
    public static IReadOnlyList<DraftTable> Of(BalanceSection balance, ExperimentArm control, int minimumCount)
    {
        ArgumentNullException.ThrowIfNull(balance);
        ArgumentNullException.ThrowIfNull(control);
        var c = CultureInfo.InvariantCulture;
        var controlN = balance.Cells.First(x => x.Arm == control).N;
        return
        [
            Balance.Draft(balance.Cells.Select(x => new Row(x, null, control, controlN)).Concat(balance.JointTests.Select(j => new Row(null, j, control, controlN))),
            [
                "Standardized difference with the control arm: (mean − control mean) / √((variance + control variance) / 2); beyond ±0.1 is commonly read as imbalance.",
                "Joint test: regression of the indicator 'in this arm' on all characteristics (this arm and the control), Wald F test that all slopes are zero, HC2 standard errors.",
                "Age in the year of randomisation. Indicators (migration background, education, household) are against the first level (Dutch, low, single); a missing education level is its own category.",
                .. balance.MergedCategories.Count == 0 ? Array.Empty<string>() : [string.Create(c,
                    $"Coarsened: categories with fewer than {minimumCount} persons with or without them in some arm are merged into the reference category ({string.Join("; ", balance.MergedCategories.Select(CovariateLabels.Of))}).")],
            ]),
        ];
    }
}
