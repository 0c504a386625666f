using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Research.Notebooks.Execution;
using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Execution;

public class TimingMetadataTests
{
    private const string NbclientTime = @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$";
    private const string PapermillTime = @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$";

    [Fact]
    public async Task Cells_carry_nbclient_and_papermill_timing_whatever_the_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("nl-NL");
        try
        {
            var notebook = Runs.CSharp("System.Threading.Thread.Sleep(50);", "1");
            notebook.Cells.Insert(0, new NotebookCell(CellType.Markdown, "# Title"));
            var before = DateTime.UtcNow;
            var (_, result) = await Runs.RunAsync(notebook);
            var after = DateTime.UtcNow;

            Assert.True(result.Succeeded);
            var json = JsonNode.Parse(IpynbFormat.Write(notebook))!;
            var execution = json["cells"]![1]!["metadata"]!["execution"]!.AsObject();
            Assert.Equal(new[] { "iopub.execute_input", "iopub.status.busy", "iopub.status.idle", "shell.execute_reply", "shell.execute_reply.started" }, execution.Select(p => p.Key).Order(StringComparer.Ordinal));
            Assert.All(execution, p => Assert.Matches(NbclientTime, p.Value!.GetValue<string>()));
            var busy = DateTime.Parse(execution["iopub.status.busy"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            var idle = DateTime.Parse(execution["iopub.status.idle"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            Assert.InRange(busy, before, idle);
            Assert.InRange(idle, busy.AddMilliseconds(50), after);

            var cell = json["cells"]![1]!["metadata"]!["papermill"]!;
            Assert.Matches(PapermillTime, cell["start_time"]!.GetValue<string>());
            Assert.Matches(PapermillTime, cell["end_time"]!.GetValue<string>());
            Assert.InRange(cell["duration"]!.GetValue<double>(), 0.05, (after - before).TotalSeconds);
            Assert.Equal(("completed", false), (cell["status"]!.GetValue<string>(), cell["exception"]!.GetValue<bool>()));
            Assert.Equal("completed", json["cells"]![0]!["metadata"]!["papermill"]!["status"]!.GetValue<string>());

            var run = json["metadata"]!["papermill"]!;
            Assert.Matches(PapermillTime, run["start_time"]!.GetValue<string>());
            Assert.Matches(PapermillTime, run["end_time"]!.GetValue<string>());
            Assert.True(run["duration"]!.GetValue<double>() > 0.05);
            Assert.Null(run["exception"]);
            Assert.Equal("{}", run["parameters"]!.ToJsonString());
            Assert.All(
                Regex.Matches(IpynbFormat.Write(notebook), "\"duration\": ([^,\n]+)"),
                m => Assert.Matches(@"^(null|[0-9]+(\.[0-9]+)?(E-?[0-9]+)?)$", m.Groups[1].Value));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task A_failed_cell_is_marked_failed_and_the_cells_after_it_stay_pending()
    {
        var (notebook, _) = await Runs.RunCSharpAsync("1", "throw new Exception(\"x\");", "2");

        string Status(int i) => notebook.Cells[i].Metadata["papermill"]!["status"]!.GetValue<string>();
        Assert.Equal(("completed", "failed", "pending"), (Status(0), Status(1), Status(2)));
        Assert.True(notebook.Cells[1].Metadata["papermill"]!["exception"]!.GetValue<bool>());
        Assert.Null(notebook.Cells[2].Metadata["execution"]);
        Assert.True(notebook.Metadata["papermill"]!["exception"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Without_timing_no_timing_is_written_and_a_previous_runs_timing_is_removed()
    {
        var notebook = Runs.CSharp("1");
        await Runs.RunAsync(notebook);
        Assert.NotNull(notebook.Cells[0].Metadata["execution"]);

        await Runs.RunAsync(notebook, new NotebookHostOptions { RecordTiming = false });

        Assert.Null(notebook.Cells[0].Metadata["execution"]);
        Assert.Null(notebook.Cells[0].Metadata["papermill"]);
        Assert.Null(notebook.Metadata["papermill"]!["start_time"]);
        Assert.DoesNotContain("_time", IpynbFormat.Write(notebook), StringComparison.Ordinal);
    }
}
