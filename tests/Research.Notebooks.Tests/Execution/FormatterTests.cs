using Research.Notebooks.Execution;
using Research.Notebooks.Formatting;
using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Execution;

public class FormatterTests
{
    private readonly FormatterRegistry _registry = FormatterRegistry.CreateDefault();
    private readonly FormatContext _context = new();

    [Fact]
    public void Primitives_are_plain_text_in_the_invariant_culture()
    {
        Assert.Equal(new[] { MimeBundle.PlainText }, _registry.Format(1.5, _context).MimeTypes);
        Assert.Equal("1.5", _registry.Format(1.5, _context).GetText(MimeBundle.PlainText));
        Assert.Equal("true", _registry.Format(true, _context).GetText(MimeBundle.PlainText));
        Assert.Equal("2024-02-29", _registry.Format(new DateOnly(2024, 2, 29), _context).GetText(MimeBundle.PlainText));
        Assert.Equal("<null>", _registry.Format(null, _context).GetText(MimeBundle.PlainText));
    }

    [Fact]
    public void Sequences_are_capped_with_a_count_of_the_rest()
    {
        var bundle = _registry.Format(Enumerable.Range(1, 25).ToList(), _context);

        Assert.EndsWith("19, 20, ... (5 more)]", bundle.GetText(MimeBundle.PlainText));
        Assert.Equal("<div class=\"dni-plaintext\"><pre>[ 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, ... (5 more) ]</pre></div>", bundle.GetText(MimeBundle.Html));
    }

    [Fact]
    public void Objects_are_escaped_property_trees_that_end_on_cycles()
    {
        var ada = new Member("Ada <b>");
        var bob = new Member("Bob");
        ada.Household.Add(bob);
        bob.Household.Add(ada);

        var html = _registry.Format(ada, _context).GetText(MimeBundle.Html)!;

        Assert.StartsWith("<details class=\"dni-treeview\" open=\"open\"><summary><span class=\"dni-code-hint\"><code>member Ada &lt;b&gt;</code>", html);
        Assert.Contains("<tr><td>Name</td><td>Ada &lt;b&gt;</td></tr>", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Equal(3, html.Split("<details").Length - 1);
        Assert.EndsWith("<td>Household</td><td><div class=\"dni-plaintext\"><pre>[ member Bob ]</pre></div></td></tr></tbody></table></div></details></td></tr></tbody></table></td></tr></tbody></table></div></details></td></tr></tbody></table></td></tr></tbody></table></div></details>", html);
        Assert.Equal("member Ada <b>", _registry.Format(ada, _context).GetText(MimeBundle.PlainText));
    }

    [Fact]
    public void A_property_that_throws_shows_its_exception_in_place()
    {
        var html = _registry.Format(new Fragile(), _context).GetText(MimeBundle.Html)!;

        Assert.Contains("<tr><td>Ok</td><td>1</td></tr><tr><td>Broken</td><td>System.InvalidOperationException: &lt;not&gt; today</td></tr>", html);
    }

    [Fact]
    public async Task An_unfinished_task_is_shown_without_waiting_for_its_result()
    {
        var pending = new TaskCompletionSource<int>().Task;

        var bundle = await Task.Run(() => _registry.Format(pending, _context)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new[] { MimeBundle.PlainText }, bundle.MimeTypes);
        Assert.Equal(pending.ToString(), bundle.GetText(MimeBundle.PlainText));
    }

    [Fact]
    public void Dictionaries_are_key_value_tables()
    {
        var html = _registry.Format(new Dictionary<string, int> { ["<a>"] = 1, ["b"] = 2 }, _context).GetText(MimeBundle.Html);

        Assert.Equal("<table class=\"nb-table\"><thead><tr><th>key</th><th>value</th></tr></thead><tbody><tr><td>&lt;a&gt;</td><td>1</td></tr><tr><td>b</td><td>2</td></tr></tbody></table>", html);
    }

    [Fact]
    public void Types_with_a_ToHtml_method_or_the_interface_show_their_html()
    {
        var duck = _registry.Format(new DuckTable(), _context);
        Assert.Equal(("<table>duck</table>", "duck table"), (duck.GetText(MimeBundle.Html), duck.GetText(MimeBundle.PlainText)));
        Assert.Equal("<i>i</i>", _registry.Format(new Formattable(), _context).GetText(MimeBundle.Html));
    }

    [Fact]
    public void Registered_formatters_win_for_their_type_and_subtypes()
    {
        _registry.Register<DuckTable>((_, _) => new MimeBundle().Set("text/csv", "a,b"));

        var bundle = _registry.Format(new DerivedDuck(), _context);
        Assert.Equal("a,b", bundle.GetText("text/csv"));
        Assert.Equal("duck table", bundle.GetText(MimeBundle.PlainText));
    }

    [Fact]
    public async Task DataFrame_is_an_html_table_with_capped_rows_and_a_plain_text_table()
    {
        var (notebook, result) = await Runs.RunCSharpAsync("""
            using Microsoft.Data.Analysis;
            var df = new DataFrame(
                new PrimitiveDataFrameColumn<int>("id", Enumerable.Range(1, 30)),
                new DoubleDataFrameColumn("score", Enumerable.Range(1, 30).Select(i => i / 4.0)),
                new StringDataFrameColumn("arm", Enumerable.Range(1, 30).Select(i => i % 2 == 0 ? "control" : "treated")));
            df
            """);

        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        var data = Assert.IsType<ExecuteResultOutput>(notebook.Cells[0].Outputs.Single()).Data;
        var html = data.GetText(MimeBundle.Html)!;
        Assert.Contains("<thead><tr><th>index</th><th>id</th><th>score</th><th>arm</th></tr></thead><tbody><tr><td>0</td><td>1</td><td>0.25</td><td>treated</td></tr>", html);
        Assert.Contains("first 25 shown", html);
        Assert.DoesNotContain("<td>26</td>", html);
        Assert.StartsWith("id  score  arm", data.GetText(MimeBundle.PlainText));
        Assert.EndsWith("30 rows × 3 columns (first 25 shown)", data.GetText(MimeBundle.PlainText));
    }

    [Fact]
    public void Deedle_frames_are_tables_with_their_row_keys_capped_like_data_frames_and_escaped()
    {
        var keys = Enumerable.Range(1, 30).Select(i => $"p{i}").ToList();
        var columns = new Deedle.FrameBuilder.Columns<string, string>
        {
            { "score", new Deedle.Series<string, double>(keys, Enumerable.Range(1, 30).Select(i => i == 3 ? double.NaN : i / 4.0)) },
            { "<b>arm</b>", new Deedle.Series<string, string>(keys, Enumerable.Range(1, 30).Select(i => i == 1 ? "<script>x</script>" : "control")) },
        };
        var frame = columns.Frame;

        var bundle = _registry.Format(frame, _context);

        var html = bundle.GetText(MimeBundle.Html)!;
        Assert.Contains("<th></th><th>score</th><th>&lt;b&gt;arm&lt;/b&gt;</th>", html);
        Assert.Contains("<tr><td>p1</td><td>0.25</td><td>&lt;script&gt;x&lt;/script&gt;</td></tr>", html);
        Assert.Contains("<tr><td>p3</td><td></td><td>control</td></tr>", html);
        Assert.Contains("<td>p25</td>", html);
        Assert.DoesNotContain("<td>p26</td>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.EndsWith("30 rows × 2 columns (Deedle frame) (first 25 shown)", bundle.GetText(MimeBundle.PlainText)!.TrimEnd('\n'));
    }

    [Fact]
    public async Task Plotly_chart_has_chart_html_figure_json_and_deterministic_ids()
    {
        var cell = """
            using Plotly.NET;
            var trace = new Trace2D("scatter");
            trace.SetProperty("x", new[] { 1, 2, 3 });
            trace.SetProperty("y", new[] { 1.0, 4.0, 9.0 });
            var chart = GenericChart.ofTraceObject(true, trace);
            display(chart);
            chart
            """;
        // Timing is left out, the documented way to compare executed notebooks byte for byte.
        var untimed = new NotebookHostOptions { RecordTiming = false };
        var (first, result) = await Runs.RunAsync(Runs.CSharp(cell), untimed);
        var (second, _) = await Runs.RunAsync(Runs.CSharp(cell), untimed);

        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        var data = Assert.IsType<DisplayDataOutput>(first.Cells[0].Outputs[0]).Data;
        Assert.Equal("Plotly chart (1 trace)", data.GetText(MimeBundle.PlainText));
        Assert.Contains("Plotly.newPlot", data.GetText(MimeBundle.Html));
        Assert.DoesNotMatch("[0-9a-f]{32}", data.GetText(MimeBundle.Html));
        Assert.Contains("nb_plotly_1", data.GetText(MimeBundle.Html));
        Assert.Contains("nb_plotly_2", Assert.IsType<ExecuteResultOutput>(first.Cells[0].Outputs[1]).Data.GetText(MimeBundle.Html));
        Assert.Equal(new[] { 1.0, 4.0, 9.0 }, data.GetNode(MimeBundle.PlotlyJson)!["data"]![0]!["y"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal(IpynbFormat.Write(first), IpynbFormat.Write(second));
    }

    private class DuckTable
    {
#pragma warning disable CA1822 // Found by reflection as an instance method, like the types it stands for.
        public string ToHtml() => "<table>duck</table>";
#pragma warning restore CA1822

        public override string ToString() => "duck table";
    }

    private sealed class DerivedDuck : DuckTable;

    private sealed class Member(string name)
    {
        public string Name { get; } = name;

        public List<Member> Household { get; } = new();

        public override string ToString() => "member " + Name;
    }

    private sealed class Fragile
    {
        private readonly int _ok = 1;

        public int Ok => _ok;

        public int Broken => _ok > 0 ? throw new InvalidOperationException("<not> today") : _ok;
    }

    private sealed class Formattable : IHtmlFormattable
    {
        public string ToHtml() => "<i>i</i>";
    }
}
