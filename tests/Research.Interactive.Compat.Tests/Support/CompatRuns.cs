using System.Text;
using Research.Notebooks;
using Research.Notebooks.Execution;
using Research.Notebooks.FSharp;
using Research.Notebooks.Sessions;

namespace Research.Interactive.Compat.Tests.Support;

/// <summary>Runs notebooks the way <c>research run</c> does with the compatibility surface and the F# kernel.</summary>
internal static class CompatRuns
{
    public static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Corpus");

    /// <summary>The answers the corpus's prompts get, as <c>-p</c> would give them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Answers = new Dictionary<string, string>
    {
        ["analyst"] = "Ada",
        ["api token"] = "s3cret",
        ["municipality"] = "Wageningen",
    };

    public static NotebookHostOptions Options(IReadOnlyDictionary<string, string>? answers = null, List<FSharpKernel>? created = null)
    {
        var options = new NotebookHostOptions { RecordTiming = false, Input = new HeadlessInputProvider(answers ?? new Dictionary<string, string>()) };
        options.DefaultAssemblies.Add(typeof(Microsoft.DotNet.Interactive.Kernel).Assembly);
        options.DefaultUsings.AddRange(new[] { "Microsoft.DotNet.Interactive", "Microsoft.DotNet.Interactive.Formatting" });
        options.KernelFactories.Add((o, directory) =>
        {
            var kernel = new FSharpKernel(o, directory);
            created?.Add(kernel);
            return kernel;
        });
        return options;
    }

    public static async Task<(Notebook Notebook, NotebookRunResult Result)> RunAsync(Notebook notebook, NotebookHostOptions? options = null, string? directory = null)
    {
        var result = await new NotebookRunner(options ?? Options()).RunAsync(notebook, directory ?? Corpus);
        return (notebook, result);
    }

    /// <summary>A cell-by-cell text of the outputs (output type, MIME type, content), with no ids or timings.</summary>
    public static string Render(Notebook notebook)
    {
        var text = new StringBuilder();
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.Type != CellType.Code)
            {
                continue;
            }

            text.Append("## cell ").Append(i + 1).Append(' ').Append(cell.KernelName).Append('\n');
            foreach (var output in cell.Outputs)
            {
                switch (output)
                {
                    case StreamOutput s:
                        text.Append("stream ").Append(s.Name).Append(": ").Append(s.Text.TrimEnd('\n')).Append('\n');
                        break;
                    case DisplayDataOutput d:
                        Bundle(text, "display", d.Data);
                        break;
                    case ExecuteResultOutput r:
                        Bundle(text, "result", r.Data);
                        break;
                    case ErrorOutput e:
                        text.Append("error ").Append(e.Name).Append(": ").Append(e.Value).Append('\n');
                        break;
                    default:
                        text.Append(output.GetType().Name).Append('\n');
                        break;
                }
            }
        }

        return text.ToString();
    }

    private static void Bundle(StringBuilder text, string kind, MimeBundle data)
    {
        foreach (var mime in data.MimeTypes.Order(StringComparer.Ordinal))
        {
            text.Append(kind).Append(' ').Append(mime).Append(": ").Append(data.GetText(mime)?.Replace("\r\n", "\\r\\n", StringComparison.Ordinal).TrimEnd('\n')).Append('\n');
        }
    }
}
