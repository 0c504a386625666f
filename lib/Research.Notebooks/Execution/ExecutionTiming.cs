using System.Globalization;
using System.Text.Json.Nodes;
using Research.Notebooks.Sessions;

namespace Research.Notebooks.Execution;

/// <summary>
/// When the cells of an executed notebook ran, in the metadata Jupyter tools read: nbclient's per-cell
/// <c>execution</c> timestamps (ISO 8601 UTC with <c>Z</c>, microseconds) and papermill's <c>papermill</c> cell and
/// notebook metadata (start and end as papermill writes them, naive UTC; duration in seconds; status
/// <c>pending</c>/<c>completed</c>/<c>failed</c>; exception). Always written with the invariant culture.
/// </summary>
internal static class ExecutionTiming
{
    private const string Papermill = "papermill";
    private const string Execution = "execution";
    private const string Pending = "pending";
    private static readonly string[] RunKeys = { "start_time", "end_time", "duration", "exception" };

    /// <summary>Removes the timing a previous run left, so a notebook never carries times from another run.</summary>
    public static void Reset(Notebook notebook)
    {
        foreach (var cell in notebook.Cells)
        {
            cell.Metadata.Remove(Execution);
            cell.Metadata.Remove(Papermill);
        }

        if (notebook.Metadata[Papermill] is JsonObject papermill)
        {
            foreach (var key in RunKeys)
            {
                papermill.Remove(key);
            }
        }
    }

    /// <summary>Marks the run as started at <paramref name="now"/> and every cell as pending (papermill's <c>notebook_start</c>).</summary>
    public static void Start(Notebook notebook, DateTimeOffset now)
    {
        var papermill = notebook.Metadata[Papermill] as JsonObject ?? new JsonObject();
        papermill["default_parameters"] ??= new JsonObject();
        papermill["parameters"] ??= new JsonObject();
        papermill["environment_variables"] ??= new JsonObject();
        papermill["start_time"] = PapermillTime(now);
        papermill["end_time"] = null;
        papermill["duration"] = null;
        papermill["exception"] = null;
        notebook.Metadata[Papermill] = papermill;
        foreach (var cell in notebook.Cells)
        {
            cell.Metadata[Papermill] = new JsonObject
            {
                ["duration"] = null,
                ["end_time"] = null,
                ["exception"] = null,
                ["start_time"] = null,
                ["status"] = Pending,
            };
        }
    }

    /// <summary>Records one executed cell.</summary>
    public static void Record(NotebookCell cell, CellExecutionResult result)
    {
        cell.Metadata[Execution] = new JsonObject
        {
            ["iopub.execute_input"] = NbclientTime(result.Started),
            ["iopub.status.busy"] = NbclientTime(result.Started),
            ["iopub.status.idle"] = NbclientTime(result.Finished),
            ["shell.execute_reply"] = NbclientTime(result.Finished),
            // nbclient copies it from the reply's metadata, where ipykernel puts the time the cell started running.
            ["shell.execute_reply.started"] = NbclientTime(result.Started),
        };
        cell.Metadata[Papermill] = new JsonObject
        {
            ["duration"] = Seconds(result.Duration),
            ["end_time"] = PapermillTime(result.Finished),
            ["exception"] = !result.Succeeded,
            ["start_time"] = PapermillTime(result.Started),
            ["status"] = result.Succeeded ? "completed" : "failed",
        };
    }

    /// <summary>Marks the run as ended (papermill's <c>notebook_complete</c>): cells before the first failure are completed.</summary>
    public static void Finish(Notebook notebook, DateTimeOffset started, DateTimeOffset now)
    {
        var papermill = (JsonObject)notebook.Metadata[Papermill]!;
        papermill["end_time"] = PapermillTime(now);
        papermill["duration"] = Seconds(now - started);
        foreach (var status in notebook.Cells.Select(c => (JsonObject)c.Metadata[Papermill]!))
        {
            var value = status["status"]!.GetValue<string>();
            if (value == "failed")
            {
                papermill["exception"] = true;
                break;
            }

            if (value == Pending)
            {
                status["status"] = "completed";
            }
        }
    }

    // nbclient: header.date formatted '%Y-%m-%dT%H:%M:%S.%fZ'.
    private static string NbclientTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    // papermill: datetime.utcnow().isoformat().
    private static string PapermillTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static double Seconds(TimeSpan duration) => Math.Round(duration.TotalSeconds, 6);
}
