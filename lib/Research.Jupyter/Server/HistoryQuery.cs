using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Research.Jupyter.Protocol;
using Research.Notebooks.Sessions;

namespace Research.Jupyter.Server;

/// <summary>
/// Answers <c>history_request</c> from the session's history: <c>tail</c> (the last n), <c>range</c> (execution counts
/// start to stop) and <c>search</c> (a glob pattern with <c>*</c> and <c>?</c>, optionally unique, the last n). Entries
/// are <c>[session, count, input]</c>, or <c>[session, count, [input, output]]</c> with <c>output</c>, as IPython gives them.
/// </summary>
internal sealed class HistoryQuery
{
    /// <summary>The session number of this kernel's history (there is one session per kernel process).</summary>
    public const int SessionNumber = 1;

    private const int MaxOutputs = 10_000;
    private const int MaxOutputChars = 4096;
    private readonly Dictionary<int, string> _outputs = new();
    private readonly Queue<int> _order = new();
    private readonly object _gate = new();

    /// <summary>Remembers the plain-text result of execution <paramref name="count"/> (bounded in number and length).</summary>
    public void RecordOutput(int count, string text)
    {
        lock (_gate)
        {
            if (_outputs.TryAdd(count, text.Length > MaxOutputChars ? text[..MaxOutputChars] : text))
            {
                _order.Enqueue(count);
                if (_order.Count > MaxOutputs)
                {
                    _outputs.Remove(_order.Dequeue());
                }
            }
        }
    }

    /// <summary>The <c>history</c> array for <paramref name="request"/>'s content.</summary>
    public JsonArray Answer(JsonObject request, IReadOnlyList<HistoryEntry> history)
    {
        var output = JupyterMessage.Flag(request, "output", false);
        var n = JupyterMessage.Number(request, "n", 0);
        IEnumerable<HistoryEntry> selected = (JupyterMessage.Text(request, "hist_access_type") ?? "tail") switch
        {
            "range" => Range(history, JupyterMessage.Number(request, "start", 1), JupyterMessage.Number(request, "stop", int.MaxValue)),
            "search" => Search(history, JupyterMessage.Text(request, "pattern") ?? "*", JupyterMessage.Flag(request, "unique", false), n),
            _ => n > 0 ? history.TakeLast(n) : history,
        };
        var entries = new JsonArray();
        foreach (var entry in selected)
        {
            JsonNode input = entry.Code;
            if (output)
            {
                string? text;
                lock (_gate)
                {
                    text = _outputs.GetValueOrDefault(entry.ExecutionCount);
                }

                input = new JsonArray(JsonValue.Create(entry.Code), JsonValue.Create(text));
            }

            entries.Add(new JsonArray(JsonValue.Create(SessionNumber), JsonValue.Create(entry.ExecutionCount), input));
        }

        return entries;
    }

    // IPython's range: start inclusive, stop exclusive; a stop of 0 or less counts from the end.
    private static IEnumerable<HistoryEntry> Range(IReadOnlyList<HistoryEntry> history, int start, int stop)
    {
        var last = history.Count == 0 ? 0 : history[^1].ExecutionCount;
        var end = stop <= 0 ? last + 1 + stop : stop;
        return history.Where(e => e.ExecutionCount >= start && e.ExecutionCount < end);
    }

    private static IEnumerable<HistoryEntry> Search(IReadOnlyList<HistoryEntry> history, string pattern, bool unique, int n)
    {
        var glob = new Regex("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        var matches = history.Where(e => glob.IsMatch(e.Code));
        if (unique)
        {
            // The latest execution of each input, in execution order.
            matches = matches.Reverse().DistinctBy(e => e.Code, StringComparer.Ordinal).Reverse();
        }

        return n > 0 ? matches.TakeLast(n) : matches;
    }
}
