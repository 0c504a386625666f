using Research.Notebooks.Execution;
using Research.Notebooks.Magics;
using Research.Notebooks.Sessions;
using Research.Notebooks.Values;

namespace Research.Notebooks.Kernels;

/// <summary>
/// <c>#!value</c> cells, .NET Interactive's value store: <c>#!value --name N [--mime-type M]</c> keeps the rest of the
/// cell as the text of value <c>N</c>; <c>--from-file F</c> reads a file (relative to the notebook's folder) and
/// <c>--from-value V</c> takes a literal or an input token (<c>@input:…</c>, answered headless by parameter <c>N</c>).
/// <c>--from-url</c> is refused: a reproducible run reads no data from the network. Other kernels read the values
/// with <c>#!share --from value N</c>: JSON (<c>--mime-type application/json</c>) arrives parsed, anything else as text.
/// </summary>
public sealed class ValueKernel : IKernel, IVariableStore
{
    private const string DefaultMimeType = "text/plain";
    private readonly Dictionary<string, (string Text, string MimeType)> _values = new(StringComparer.Ordinal);
    private readonly List<string> _order = new();

    /// <inheritdoc />
    public string Name => "value";

    /// <inheritdoc />
    public IReadOnlyList<string> Aliases { get; } = Array.Empty<string>();

    /// <inheritdoc />
    public IReadOnlyList<KernelVariable> Variables
    {
        get
        {
            lock (_values)
            {
                return _order.Select(n => (Name: n, Value: ValueTransfer.FromText(_values[n].Text, _values[n].MimeType)))
                    .Select(v => new KernelVariable(v.Name, v.Value.Type, v.Value.Value))
                    .ToList();
            }
        }
    }

    /// <inheritdoc />
    public Task ReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task ExecuteAsync(string code, CellExecutionContext context, CancellationToken cancellationToken)
    {
        var lines = code.Split('\n');
        var index = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (index < 0 || !lines[index].StartsWith("#!value", StringComparison.Ordinal))
        {
            context.Fail(new ErrorOutput("MagicCommandError", "a value cell starts with #!value --name NAME (then the value, or --from-file FILE / --from-value VALUE).", Array.Empty<string>()), index < 0 ? null : index + 1);
            return;
        }

        try
        {
            var directive = MagicLine.Parse(lines[index], index + 1);
            var name = directive.Required("--name");
            var mimeType = directive.Option("--mime-type") ?? DefaultMimeType;
            var body = string.Join('\n', lines.Skip(index + 1)).Trim('\n');
            var text = await TextAsync(directive, name, body, context, cancellationToken);
            if (MimeBundle.IsJsonMimeType(mimeType))
            {
                // Refuse broken JSON here, where the cell can say so, rather than in the cell that shares it.
                _ = ValueTransfer.FromText(text, mimeType);
            }

            Store(name, text, mimeType);
        }
        catch (MagicCommandException e)
        {
            context.Fail(new ErrorOutput("MagicCommandError", e.Message, Array.Empty<string>()), e.Line);
        }
        catch (System.Text.Json.JsonException e)
        {
            context.Fail(new ErrorOutput("MagicCommandError", $"#!value: the value is not valid JSON: {e.Message}", Array.Empty<string>()), index + 1);
        }
    }

    /// <inheritdoc />
    public bool TryGetValue(string name, out object? value)
    {
        lock (_values)
        {
            if (_values.TryGetValue(name, out var stored))
            {
                value = ValueTransfer.FromText(stored.Text, stored.MimeType).Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <inheritdoc />
    public bool CanDeclare(Type type) => type == typeof(string);

    /// <inheritdoc />
    public Task SetValueAsync(string name, object? value, Type declaredType, CellExecutionContext context, CancellationToken cancellationToken)
    {
        if (value is string text)
        {
            Store(name, text, DefaultMimeType);
        }
        else
        {
            Store(name, ValueTransfer.ToJson(value, context.Formatters, context.FormatContext), ValueTransfer.JsonMimeType);
        }

        return Task.CompletedTask;
    }

    private void Store(string name, string text, string mimeType)
    {
        lock (_values)
        {
            if (_values.TryAdd(name, (text, mimeType)))
            {
                _order.Add(name);
            }
            else
            {
                _values[name] = (text, mimeType);
            }
        }
    }

    private static async Task<string> TextAsync(MagicLine directive, string name, string body, CellExecutionContext context, CancellationToken cancellationToken)
    {
        if (directive.Option("--from-url") is { } url)
        {
            throw new MagicCommandException(
                $"#!value --from-url {url}: this host reads no data from the network, so a run gives the same result on any machine and offline; download the file and use --from-file.",
                directive.LineNumber);
        }

        if (directive.Option("--from-file") is { } file)
        {
            var path = Path.GetFullPath(file);
            if (!File.Exists(path))
            {
                throw new MagicCommandException($"#!value --from-file: file '{file}' does not exist (relative paths start at the notebook's folder).", directive.LineNumber);
            }

            return await File.ReadAllTextAsync(path, cancellationToken);
        }

        if (directive.Option("--from-value") is not { } given)
        {
            return body;
        }

        if (InputToken.TryParse(given, directive.LineNumber) is not { } input)
        {
            return given;
        }

        try
        {
            return await context.GetInputAsync(new InputRequest(input.Prompt, input.IsPassword) { Name = input.FieldName(name) }, cancellationToken);
        }
        catch (InputNotAvailableException e)
        {
            throw new MagicCommandException(e.Message, directive.LineNumber);
        }
    }
}
