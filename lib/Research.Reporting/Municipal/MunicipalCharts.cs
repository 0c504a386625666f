using System.Globalization;
using Plotly.NET;
using Research.Analysis.Reports;
using Research.Analysis.Results;
using Research.Reporting.Charts;

namespace Research.Reporting.Municipal;

/// <summary>
/// The charts of a municipal report, each drawn from a published (disclosure-controlled) table, never from the
/// estimates themselves: what a chart shows is what the tables publish. Withheld points leave gaps that are shaded and
/// labelled, rather than lines that start or stop silently.
/// </summary>
public sealed class MunicipalCharts
{
    private readonly MunicipalReport _report;

    /// <summary>The charts of <paramref name="report"/>.</summary>
    public MunicipalCharts(MunicipalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _report = report;
    }

    private string WithheldLabel => string.Create(CultureInfo.InvariantCulture, $"withheld (< {_report.Specification.Disclosure.MinimumCount} persons)");

    /// <summary>The monthly share in <paramref name="outcome"/> by arm with 95% bands, from 12 months before randomisation.</summary>
    public GenericChart Trend(ReportOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var rows = _report["monthly_shares"].Rows.Where(r => r.Label("outcome") == outcome.Key).ToList();
        var months = rows.Select(Month).Distinct().Order().ToList();
        var series = _report.Context.Experiment.Arms.Select((arm, i) => Monthly(rows, months, arm, "share", Palette.Arm(i), ResultValue.N)).ToList();
        var withheld = Gaps(months, m => rows.Any(r => Month(r) == m && r.IsWithheld("share")));
        return ReportCharts.Draw(new LineChart(
            $"{outcome.Short}: share by arm and month",
            "Months since randomisation",
            "Share in the outcome (%)",
            AxisScale.Share,
            series,
            [.. Periods(months.Max()), .. withheld],
            Note: "Bands: 95% intervals (Wilson). Shaded: the intervention period, the COVID-19 months, and months whose shares are withheld by disclosure control."));
    }

    /// <summary>
    /// The effect on <paramref name="outcome"/> month by month, per arm with its 95% band, from 12 months before
    /// randomisation: the months before it are a check that the arms started alike.
    /// </summary>
    public GenericChart EffectPath(ReportOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var rows = _report["effect_path"].Rows.Where(r => r.Label("outcome") == outcome.Key).ToList();
        var months = rows.Select(Month).Distinct().Order().ToList();
        var series = _report.Context.Experiment.TreatmentArms.Select((arm, i) => Monthly(rows, months, arm, ResultValue.Estimate, Palette.Arm(i + 1), null)).ToList();
        var first = months.Count == 0 ? -12 : months.Min();
        return ReportCharts.Draw(new LineChart(
            $"{outcome.Short}: effect by month",
            "Months since randomisation",
            "Effect (percentage points)",
            AxisScale.PercentagePoints,
            series,
            [new ChartSpan(first - 0.5, -0.5, "before randomisation (no effect expected)", SpanKind.PreRandomisation), .. Periods(months.Count == 0 ? 0 : months.Max())],
            ZeroLine: true,
            Note: $"Intention-to-treat, difference in shares (within strata), 95% bands ({_report.Paths.Method.Label}). Months without a line: not estimable."));
    }

    /// <summary>The Kaplan–Meier share with a first outflow into <paramref name="outcome"/> by arm, at the published points, with 95% bands.</summary>
    public GenericChart Survival(ReportOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var rows = _report["survival_curve"].Rows.Where(r => r.Label("outcome") == outcome.Key).ToList();
        var followUp = _report.Durability.FollowUpMonths;
        var spans = new List<ChartSpan>();
        var series = _report.Context.Experiment.Arms.Select((arm, i) =>
        {
            var points = rows.Where(r => r.Label("arm") == arm.Code && r["out"] is not null).OrderBy(Month).ToList();
            if (points.Count > 0 && Month(points[^1]) < followUp)
            {
                spans.Add(new ChartSpan(Month(points[^1]), followUp, $"{arm.NameNl}: no later point (fewer than {_report.Specification.Disclosure.MinimumCount} further outflows)", SpanKind.Withheld));
            }

            return new ChartSeries(arm.NameNl, [0.0, .. points.Select(p => (double)Month(p))], [0.0, .. points.Select(p => p["out"])],
                [0.0, .. points.Select(p => p[ResultValue.CiLow])], [0.0, .. points.Select(p => p[ResultValue.CiHigh])], Palette.Arm(i), Cumulative: true,
                BaseCounts: [points.FirstOrDefault()?[ResultValue.N], .. points.Select(p => p[ResultValue.N])]);
        }).ToList();
        return ReportCharts.Draw(new LineChart(
            $"{outcome.Short}: time to a first outflow",
            "Months since randomisation",
            "Share with a first outflow (%)",
            AxisScale.Share,
            series,
            [.. Periods(followUp), .. spans.Take(2)],
            Note: $"Kaplan–Meier, 95% bands (log-log). Points at the months by which at least {_report.Specification.Disclosure.MinimumCount} more persons had a first outflow; lines join them."));
    }

    /// <summary>The mean score on every instrument by arm and survey wave, with 95% intervals: small multiples in one figure.</summary>
    public GenericChart WellbeingMeans()
    {
        var rows = _report["wellbeing_means"].Rows;
        var panels = _report.Wellbeing.Instruments.Select(instrument =>
        {
            var mine = rows.Where(r => r.Label("instrument") == instrument.Id).ToList();
            var waves = mine.Select(r => int.Parse(r.Label("wave"), CultureInfo.InvariantCulture)).Distinct().Order().ToList();
            var series = _report.Context.Experiment.Arms.Select((arm, i) =>
            {
                var byWave = mine.Where(r => r.Label("arm") == arm.Code).ToDictionary(r => int.Parse(r.Label("wave"), CultureInfo.InvariantCulture));
                double? Get(int w, string column) => byWave.TryGetValue(w, out var r) ? r[column] : null;
                return new ChartSeries(arm.NameNl, [.. waves.Select(w => (double)w)], [.. waves.Select(w => Get(w, "mean"))],
                    [.. waves.Select(w => Get(w, ResultValue.CiLow))], [.. waves.Select(w => Get(w, ResultValue.CiHigh))], Palette.Arm(i));
            }).ToList();
            var score = instrument.Scores[0];
            var title = Wrap(instrument.Name, 45) + (score.HigherMeans is { } h ? $"\n(higher: {h})" : string.Empty);
            return new LineChart(title, "Survey wave", $"Mean {score.Id} (points)", AxisScale.Plain, series, []);
        }).ToList();
        return ReportCharts.Grid("Wellbeing: mean score by arm and survey wave", "Means of the respondents with a valid score, with 95% intervals.", panels, columns: 3);
    }

    /// <summary>How a chart names the COVID-19 months.</summary>
    public static string CovidLabel(CovidPeriod covid)
    {
        ArgumentNullException.ThrowIfNull(covid);
        return covid.FromAny == covid.FromAll
            ? string.Create(CultureInfo.InvariantCulture, $"COVID-19 (from month {covid.FromAny})")
            : string.Create(CultureInfo.InvariantCulture, $"COVID-19 (from month {covid.FromAny} for the last randomised, {covid.FromAll} for the first)");
    }

    // One arm's line by month from a published table: the value, its 95% limits and, for shares, the persons behind each point.
    private static ChartSeries Monthly(List<ResultRow> rows, List<int> months, Data.Design.ExperimentArm arm, string value, string colour, string? baseColumn)
    {
        var byMonth = rows.Where(r => r.Label("arm") == arm.Code).ToDictionary(Month);
        double? Get(int m, string column) => byMonth.TryGetValue(m, out var r) ? r[column] : null;
        return new ChartSeries(arm.NameNl, [.. months.Select(m => (double)m)], [.. months.Select(m => Get(m, value))],
            [.. months.Select(m => Get(m, ResultValue.CiLow))], [.. months.Select(m => Get(m, ResultValue.CiHigh))], colour,
            BaseCounts: baseColumn is null ? null : [.. months.Select(m => Get(m, baseColumn))]);
    }

    private static int Month(ResultRow row) => int.Parse(row.Label("month"), CultureInfo.InvariantCulture);

    private IEnumerable<ChartSpan> Periods(int lastMonth)
    {
        yield return new ChartSpan(0, _report.Primary.InterventionEndMonth, "intervention period", SpanKind.Intervention);
        var covid = _report.Covid;
        if (covid.FromAny <= lastMonth)
        {
            yield return new ChartSpan(Math.Max(0, covid.FromAny), lastMonth, CovidLabel(covid), SpanKind.Covid);
        }
    }

    private IEnumerable<ChartSpan> Gaps(IReadOnlyList<int> months, Func<int, bool> withheld)
    {
        int? start = null;
        var first = true;
        foreach (var month in months.Append(int.MaxValue))
        {
            var hidden = month != int.MaxValue && withheld(month);
            if (hidden && start is null)
            {
                start = month;
            }
            else if (!hidden && start is { } from)
            {
                var to = months.LastOrDefault(m => m < month);
                yield return new ChartSpan(from - 0.5, to + 0.5, first ? WithheldLabel : string.Empty, SpanKind.Withheld);
                start = null;
                first = false;
            }
        }
    }

    // Long instrument names go on two lines rather than being cut off.
    private static string Wrap(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', length);
        return cut <= 0 ? text : text[..cut] + "\n" + text[(cut + 1)..];
    }
}
