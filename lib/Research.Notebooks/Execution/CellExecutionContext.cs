using Research.Notebooks.Formatting;

namespace Research.Notebooks.Execution;

/// <summary>
/// Collects what one cell produces: streams, displays, the result and a failure. The context of the cell running
/// on the current async flow is <see cref="Current"/>, which is how <c>display(x)</c>, <c>x.Display()</c> and the
/// captured <see cref="Console"/> find their cell. Writes after the cell finished (a background thread of a
/// timed-out cell) are dropped.
/// </summary>
public sealed class CellExecutionContext
{
    private static readonly AsyncLocal<CellExecutionContext?> CurrentContext = new();
    private readonly List<CellOutput> _outputs = new();
    private readonly object _gate = new();
    private bool _sealed;

    /// <summary>Creates the context of one cell execution.</summary>
    public CellExecutionContext(int cellNumber, int executionCount, string? notebookDirectory, FormatterRegistry formatters, FormatContext formatContext)
    {
        CellNumber = cellNumber;
        ExecutionCount = executionCount;
        NotebookDirectory = notebookDirectory;
        Formatters = formatters;
        FormatContext = formatContext;
    }

    /// <summary>The context of the cell running on this async flow, or null outside cell execution.</summary>
    public static CellExecutionContext? Current => CurrentContext.Value;

    /// <summary>The 1-based cell number in the notebook.</summary>
    public int CellNumber { get; }

    /// <summary>The execution count given to the cell's result.</summary>
    public int ExecutionCount { get; }

    /// <summary>The directory of the notebook file (base for relative paths), or null for an in-memory notebook.</summary>
    public string? NotebookDirectory { get; }

    /// <summary>The formatters that turn values into outputs.</summary>
    public FormatterRegistry Formatters { get; }

    /// <summary>The shared formatting state of the run.</summary>
    public FormatContext FormatContext { get; }

    /// <summary>The failure reported by the kernel, or null.</summary>
    public CellFailure? Failure { get; private set; }

    /// <summary>A snapshot of the outputs so far.</summary>
    public IReadOnlyList<CellOutput> Outputs
    {
        get
        {
            lock (_gate)
            {
                return _outputs.ToList();
            }
        }
    }

    /// <summary>Appends text to a stream; consecutive writes to the same stream form one output.</summary>
    public void WriteStream(string name, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_sealed)
            {
                return;
            }

            if (_outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.Name == name)
            {
                _outputs[^1] = last with { Text = last.Text + text };
            }
            else
            {
                _outputs.Add(new StreamOutput(name, text));
            }
        }
    }

    /// <summary>
    /// Shows <paramref name="value"/> as a <c>display_data</c> output; with <paramref name="mimeTypes"/>, only those
    /// representations (plus <c>text/plain</c>) are kept.
    /// </summary>
    public void Display(object? value, params string[] mimeTypes) => Publish(new DisplayDataOutput(Bundle(value, mimeTypes)));

    /// <summary>Publishes <paramref name="value"/> as the cell's <c>execute_result</c>.</summary>
    public void PublishResult(object? value) => Publish(new ExecuteResultOutput(Bundle(value, Array.Empty<string>()), ExecutionCount));

    /// <summary>Appends an output.</summary>
    public void Publish(CellOutput output)
    {
        lock (_gate)
        {
            if (!_sealed)
            {
                _outputs.Add(output);
            }
        }
    }

    /// <summary>Records the cell's failure and publishes its <c>error</c> output; the first failure wins.</summary>
    public void Fail(ErrorOutput error, int? line, CellFailureKind kind = CellFailureKind.Error)
    {
        lock (_gate)
        {
            if (_sealed || Failure is not null)
            {
                return;
            }

            Failure = new CellFailure(CellNumber, line, error.Value, kind);
            _outputs.Add(error);
        }
    }

    /// <summary>Makes this the <see cref="Current"/> context of the calling async flow.</summary>
    internal void Enter() => CurrentContext.Value = this;

    /// <summary>Stops accepting outputs; returns the final list.</summary>
    internal IReadOnlyList<CellOutput> Seal()
    {
        lock (_gate)
        {
            _sealed = true;
            return _outputs.ToList();
        }
    }

    private MimeBundle Bundle(object? value, string[] mimeTypes)
    {
        var bundle = Formatters.Format(value, FormatContext);
        if (mimeTypes.Length == 0)
        {
            return bundle;
        }

        var filtered = new MimeBundle();
        foreach (var (mime, node) in bundle.Where(p => p.Key == MimeBundle.PlainText || mimeTypes.Contains(p.Key)))
        {
            if (MimeBundle.IsJsonMimeType(mime))
            {
                filtered.SetJson(mime, node.DeepClone());
            }
            else
            {
                filtered.Set(mime, bundle.GetText(mime)!);
            }
        }

        return filtered;
    }
}
