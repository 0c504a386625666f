using System.Globalization;
using Research.Analysis.Disclosure;
using Research.Analysis.Results;

namespace Research.Analysis.Reports.Tables;

/// <summary>The table of <see cref="Attrition"/>: <c>attrition</c>.</summary>
public static class AttritionTables
{
    /// <summary>A row of the attrition table: one arm's response to a wave, or the wave's test.</summary>
    /// <param name="Response">The arm's response, or null.</param>
    /// <param name="Test">The test, or null.</param>
    /// <param name="ArmSizes">The sizes of all arms (what the test rests on).</param>
    public sealed record Row(WaveResponse? Response, ResponseTest? Test, IReadOnlyList<int> ArmSizes)
    {
        /// <summary>The wave.</summary>
        public int Wave => Response?.Wave ?? Test!.Wave;
    }

    /// <summary>
    /// Table <c>attrition</c>: key <c>w{wave}|{arm}</c> (response share, n randomised, n_responded, n_nonresponse) and
    /// <c>test|w{wave}</c> (F, df1, df2, p, n).
    /// </summary>
    public static TableDefinition<Row> Attrition { get; } = new TableBuilder<Row>("attrition", "Survey response by wave and arm",
            r => r.Response is { } x ? string.Create(CultureInfo.InvariantCulture, $"w{x.Wave}|{x.Arm.Code}") : string.Create(CultureInfo.InvariantCulture, $"test|w{r.Wave}"))
        .Label("wave", "Wave", r => r.Wave.ToString(CultureInfo.InvariantCulture))
        .Label("arm", "Arm code", r => r.Response?.Arm.Code ?? "all")
        .Label("arm_name_nl", "Arm", r => r.Response?.Arm.NameNl ?? "test of equal response")
        .Share("response", "Response", ResultValue.N, r => r.Response?.Share, r => r.Response is not null,
            r => r.Response is { } x ? (Populations.Responded(x.Arm, x.Wave, true), Populations.Responded(x.Arm, x.Wave, false)) : null)
        .Count(ResultValue.N, "Randomised", r => r.Response?.Randomised ?? r.Test!.N, r => r.Response is { } x ? Populations.Arm(x.Arm) : Population.All)
        .Count("n_responded", "Responded", r => r.Response?.Responded, r => Populations.Responded(r.Response!.Arm, r.Wave, true), r => r.Response is not null)
        .Count("n_nonresponse", "Did not respond", r => r.Response?.Nonresponse, r => Populations.Responded(r.Response!.Arm, r.Wave, false), r => r.Response is not null)
        .Number("F", ColumnKind.Statistic, "F", r => r.Test?.Test?.F, when: r => r.Test is not null)
        .Number("df1", ColumnKind.DegreesOfFreedom, "df1", r => r.Test?.Test?.NumeratorDf, when: r => r.Test is not null)
        .Number("df2", ColumnKind.DegreesOfFreedom, "df2", r => r.Test?.Test is { DenominatorDf: var d } && double.IsFinite(d) ? d : null, when: r => r.Test is not null)
        .Number(ResultValue.PValue, ColumnKind.PValue, "p", r => r.Test?.Test?.PValue, when: r => r.Test is not null)
        .Support(r => r.Response is { } x ? [x.Randomised] : r.ArmSizes)
        .Build();

    /// <summary>The section's draft tables in report order.</summary>
    public static IReadOnlyList<DraftTable> Of(Attrition attrition)
    {
        ArgumentNullException.ThrowIfNull(attrition);
        var sizes = attrition.Responses.Where(r => r.Wave == attrition.Responses[0].Wave).Select(r => r.Randomised).ToList();
        var rows = attrition.Tests.SelectMany(t => attrition.Responses.Where(r => r.Wave == t.Wave).Select(r => new Row(r, null, sizes)).Append(new Row(null, t, sizes)));
        return
        [
            Attrition.Draft(rows,
            [
                "response: share of those randomised to the arm who answered the wave's questionnaire.",
                "Test: regression of responding (0/1) on the arm dummies, Wald F test that all arms respond alike, HC2 standard errors. Differential attrition can bias the survey outcomes.",
                .. attrition.Notes,
            ]),
        ];
    }
}
