namespace Research.Reporting.Municipal;

/// <summary>The stylesheet of the report's own elements (summary, tables, flow diagram), placed once at the top of a report.</summary>
public static class ReportStyle
{
    /// <summary>The stylesheet.</summary>
    public const string Css = """
        .summary-pair{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem;margin:1rem 0}
        .summary-pair section{background:#f5f8fc;border-left:4px solid #0072B2;padding:.5rem 1rem}
        .summary-pair section.samenvatting{border-left-color:#D55E00;background:#fdf7f2}
        .summary-pair h3{margin:.3rem 0}
        @media (max-width:800px){.summary-pair{grid-template-columns:1fr}}
        figure.report-table{margin:1rem 0}
        figure.report-table table{border-collapse:collapse;font-size:.85rem}
        figure.report-table caption{text-align:left;font-weight:600;padding:.3rem 0}
        figure.report-table th,figure.report-table td{border:1px solid #d0d7de;padding:.2rem .5rem}
        figure.report-table th{background:#f6f8fa;text-align:left}
        figure.report-table td.number{text-align:right;white-space:nowrap}
        figure.report-table td.label{text-align:left}
        figure.report-table tr.highlight td{background:#fff8d6;font-weight:600}
        ol.table-notes{font-size:.78rem;color:#57606a;margin:.3rem 0 0 1.2rem;padding:0}
        dl.report-design{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
        dl.report-design dt{font-weight:600}
        .consort{font-family:sans-serif;max-width:1100px}
        .consort-box{border:1px solid #555;border-radius:4px;padding:4px 8px;margin:2px auto;background:#f7f7f7;font-size:12px;text-align:center}
        .consort-top{width:40%}
        .consort-arm-name{background:#dde8f3;font-weight:bold}
        .consort-arms{display:flex;gap:8px;justify-content:center}
        .consort-arm{flex:1}
        .consort-arrow{text-align:center;color:#555}
        .note{font-size:.85rem;color:#444}
        p.report-title{font-size:1.5rem;font-weight:600;margin:.5rem 0}
        """;

    /// <summary>The stylesheet as an HTML fragment.</summary>
    public static Html Element { get; } = new("<style>" + Css + "</style>", string.Empty);
}
