using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Research.Analysis.Disclosure;
using Research.Analysis.Reports;
using Research.Analysis.Results;
using Research.Notebooks.Tests.Support;
using Research.Reporting.Publication;

namespace Research.Cli.Tests.Pipeline;

/// <summary>What a complete run of the real report notebooks publishes, read as its readers would.</summary>
public sealed partial class PublishedReportsTests(FullRunFixture run) : IClassFixture<FullRunFixture>
{
    private static readonly string[] Sites = ["deventer", "groningen", "nijmegen", "tilburg", "utrecht", "wageningen", "synthesis"];

    [Fact]
    public void The_disclosure_scan_finds_nothing_in_any_published_output()
    {
        var scan = new DisclosureScan(DisclosureControl.CbsMinimumCount, DisclosureScan.PersonIds(Path.Combine(run.Output, "extracts")));

        var findings = scan.ScanDirectory(run.Output);

        Assert.True(findings.Count == 0, string.Join("\n", findings.Take(50)));
        // The scan must have had something to read: every report's tables, charts and notebook.
        foreach (var site in Sites)
        {
            Assert.True(File.Exists(Path.Combine(run.Reports, site + ".html")), site);
            Assert.True(File.Exists(Path.Combine(run.Reports, site + ".ipynb")), site);
        }

        var utrecht = File.ReadAllText(Path.Combine(run.Reports, "utrecht.html"));
        // An effect path per outcome, a survival curve per durable outcome, the wellbeing small multiples, and a trend
        // per outcome whose monthly shares are not withheld in every month (each withheld one is a note instead).
        var withheld = Regex.Count(utrecht, "the monthly shares are withheld in every month");
        var expected = (2 * ReportOutcome.All.Count) - withheld + Durability.Outcomes.Count + 1;
        Assert.True(Figures(utrecht).Count() == expected, "the Utrecht report's charts are embedded for the scan to read");
        Assert.True(Regex.Count(utrecht, "data-kind=\"count\"") > 100);
    }

    [Fact]
    public void A_planted_leak_in_the_published_output_is_caught()
    {
        var copy = Path.Combine(run.Directory, "leaky");
        System.IO.Directory.CreateDirectory(copy);
        var html = File.ReadAllText(Path.Combine(run.Reports, "utrecht.html"));
        var id = DisclosureScan.PersonIds(Path.Combine(run.Output, "extracts")).First();
        File.WriteAllText(Path.Combine(copy, "utrecht.html"), html.Replace("</main>", $"<p>{id}</p><table><tr><td class=\"number\" data-kind=\"count\" data-column=\"n\">8</td></tr></table></main>", StringComparison.Ordinal));
        var scan = new DisclosureScan(DisclosureControl.CbsMinimumCount, DisclosureScan.PersonIds(Path.Combine(run.Output, "extracts")));

        var findings = scan.ScanDirectory(copy);

        Assert.Contains(findings, f => f.Problem.Contains(id, StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Problem.Contains("shows 8 persons", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("utrecht")]
    [InlineData("groningen")]
    [InlineData("synthesis")]
    public void The_html_reads_as_a_document_summary_first_no_code_labels_not_keys_no_machine_path(string site)
    {
        var html = File.ReadAllText(Path.Combine(run.Reports, site + ".html"));
        var text = Visible(html);

        Assert.DoesNotContain("<details class=\"source\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<pre[^>]*>\\s*<code class=\"language-(csharp|C#)", html);
        Assert.DoesNotContain("MunicipalReport.Compute(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("foreach (var part", html, StringComparison.Ordinal);
        Assert.Contains("Samenvatting", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Samenvatting", StringComparison.Ordinal) < text.IndexOf("Contents", StringComparison.Ordinal), "the summary comes before the contents");
        Assert.Matches("^<h2 id=\"[a-z-]*samenvatting\"", html[html.IndexOf("<h2 ", StringComparison.Ordinal)..]);
        foreach (var key in new[] { "partial_full_outflow", "p_holm", "control_mean", "ci_low", "reml_hksj|" })
        {
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        }

        Assert.Contains("pp", text, StringComparison.Ordinal);
        NoMachinePath(html, site + ".html");
        NoMachinePath(File.ReadAllText(Path.Combine(run.Reports, site + ".ipynb")), site + ".ipynb");
    }

    [Fact]
    public void Municipal_reports_name_the_arm_types_in_dutch_mark_the_main_horizon_and_draw_intervals_on_every_chart()
    {
        var html = File.ReadAllText(Path.Combine(run.Reports, "utrecht.html"));
        var text = Visible(html);

        foreach (var type in new[] { "ontheffing", "intensivering", "vrijlating" })
        {
            Assert.Contains(type, text, StringComparison.Ordinal);
        }

        Assert.Contains("◆ main horizon: month 16", text, StringComparison.Ordinal);
        foreach (var figure in Figures(html))
        {
            var data = figure["data"]!.AsArray();
            var layout = figure["layout"]!;
            Assert.False(string.IsNullOrWhiteSpace(layout["xaxis"]?["title"]?["text"]?.GetValue<string>()), "every chart has an x-axis title");
            Assert.False(string.IsNullOrWhiteSpace(layout["yaxis"]?["title"]?["text"]?.GetValue<string>()), "every chart has a y-axis title");
            Assert.True(data.Any(t => t?["fill"]?.GetValue<string>() == "toself" || t?["error_x"] is not null), $"chart '{layout["title"]?["text"]}' has no intervals");
        }
    }

    [Fact]
    public void Utrecht_publishes_its_full_time_effects_and_says_which_rule_withheld_anything()
    {
        var file = ResultFile.Load(Path.Combine(run.Reports, "utrecht.results.json"));
        var full = file["itt_clustered"].Rows.Where(r => r.Label("outcome") == "full_outflow").ToList();

        Assert.NotEmpty(full);
        Assert.All(full, r => Assert.NotNull(r[ResultValue.Estimate]));
        Assert.All(full, r => Assert.NotNull(r[ResultValue.CiLow]));
        Assert.Contains(file["durable"].Rows, r => r.Label("outcome") == "full_outflow" && r.Values.GetValueOrDefault(ResultValue.Estimate) is not null);
        foreach (var row in file.Tables.SelectMany(t => t.Rows))
        {
            foreach (var (name, value) in row.Values.Where(v => v.Value is null))
            {
                if (row.Disclosure.TryGetValue(name, out var rule))
                {
                    Assert.True(file.DisclosureRules.ContainsKey(rule), $"{row.Key} / {name}: rule {rule} is not described");
                }
            }
        }

        Assert.Contains("withheld, fewer than 10 persons", Visible(File.ReadAllText(Path.Combine(run.Reports, "utrecht.html"))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utrecht")]
    [InlineData("synthesis")]
    public void The_reports_load_offline_in_headless_chromium_and_draw_their_charts(string site)
    {
        var path = Path.Combine(run.Reports, site + ".html");
        var screenshot = Path.Combine(run.Directory, site + ".png");

        var (dom, console) = HeadlessChromium.Load(path, screenshot);

        Assert.True(console.Count == 0, string.Join("\n", console));
        Assert.Contains("class=\"main-svg\"", dom, StringComparison.Ordinal);
        Assert.True(new FileInfo(screenshot).Length > 50_000);
    }

    private void NoMachinePath(string text, string what)
    {
        foreach (var path in new[] { run.Directory, Path.GetTempPath().TrimEnd('/'), AppContext.BaseDirectory.TrimEnd('/'), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) }
                     .Where(p => p.Length > 1))
        {
            Assert.False(text.Contains(path, StringComparison.Ordinal), $"{what} contains the machine path {path}");
        }

        Assert.DoesNotMatch("(?<![A-Za-z0-9])/(tmp|home|root|work|usr|var)/", StripPlotly(text));
    }

    // The page's visible text: scripts and styles removed, tags stripped, entities decoded.
    private static string Visible(string html) =>
        WebUtility.HtmlDecode(Tag().Replace(Script().Replace(html, " "), " "));

    private static string StripPlotly(string text) => Script().Replace(text, " ");

    private static IEnumerable<JsonNode> Figures(string html) =>
        FigureData().Matches(html).Select(m => JsonNode.Parse(m.Groups[1].Value)!);

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex Script();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"<script>\(function\(\)\{var f=(\{.*?\});Plotly\.newPlot\(", RegexOptions.Singleline)]
    private static partial Regex FigureData();
}
