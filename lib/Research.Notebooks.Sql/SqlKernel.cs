using DuckDB.NET.Data;
using Research.Data.Schema;
using Research.Notebooks.Execution;
using Research.Notebooks.Values;

namespace Research.Notebooks.Sql;

/// <summary>
/// <c>#!sql</c> cells on DuckDB over the extract cache: the cell's last statement's result becomes a
/// <see cref="Microsoft.Data.Analysis.DataFrame"/>, shown by the notebook's formatters like any other value (so the
/// host's output limits and escaping apply; disclosure control stays in the reports). Which extract is queried is the
/// kernel's <c>extracts</c> variable, set from C# with <c>#!set --name extracts --value @csharp:extracts</c>; other
/// scalar variables set this way are DuckDB variables (<c>getvariable('name')</c>). A leading <c>--name NAME</c> line
/// keeps the result as variable NAME, which <c>#!share --from sql NAME</c> brings into C#.
/// </summary>
/// <remarks>
/// DuckDB starts on the first SQL cell, so a notebook without one pays nothing but this object. Not thread-safe: the
/// host runs one cell at a time. Each notebook has its own in-memory database.
/// </remarks>
public sealed class SqlKernel : IKernel, IVariableStore, IDisposable
{
    /// <summary>The variable naming the extract directory the views read.</summary>
    public const string ExtractsVariable = "extracts";

    private readonly string _directory;
    private readonly List<KernelVariable> _variables = [];
    private DuckDBConnection? _connection;
    private string? _viewsOf;

    /// <summary>Creates the kernel for a notebook in <paramref name="notebookDirectory"/> (null: the current directory).</summary>
    public SqlKernel(string? notebookDirectory) => _directory = Path.GetFullPath(notebookDirectory ?? Directory.GetCurrentDirectory());

    /// <inheritdoc />
    public string Name => "sql";

    /// <inheritdoc />
    public IReadOnlyList<string> Aliases { get; } = ["SQL"];

    /// <inheritdoc />
    public IReadOnlyList<KernelVariable> Variables => _variables;

    /// <inheritdoc />
    public Task ReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task ExecuteAsync(string code, CellExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var cell = SqlCell.Parse(code);
            if (string.IsNullOrWhiteSpace(cell.Sql))
            {
                return Task.CompletedTask;
            }

            var connection = Views();
            using var command = connection.CreateCommand();
            command.CommandText = cell.Sql;
            using var cancel = cancellationToken.Register(command.Cancel);
            using var reader = command.ExecuteReader();
            var frame = ResultFrames.Read(reader, cancellationToken);
            while (reader.NextResult())
            {
                if (reader.FieldCount > 0)
                {
                    frame = ResultFrames.Read(reader, cancellationToken);
                }
            }

            if (cell.ResultName is { } name)
            {
                Keep(name, frame, typeof(Microsoft.Data.Analysis.DataFrame));
            }

            context.PublishResult(frame);
        }
        catch (Exception e) when (e is DuckDBException or InvalidOperationException or ArgumentException)
        {
            context.Fail(new ErrorOutput("SqlError", e.Message, [e.Message]), null);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public bool TryGetValue(string name, out object? value)
    {
        value = _variables.FirstOrDefault(v => v.Name == name)?.Value;
        return _variables.Any(v => v.Name == name);
    }

    /// <inheritdoc />
    public bool CanDeclare(Type type) => true;

    /// <inheritdoc />
    public Task SetValueAsync(string name, object? value, Type declaredType, CellExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Keep(name, value, declaredType);
        if (name == ExtractsVariable)
        {
            _viewsOf = null;
        }
        else if (_connection is not null && IsScalar(value))
        {
            SetDuckDbVariable(_connection, name, value);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose() => _connection?.Dispose();

    private static bool IsScalar(object? value) => value is string or bool or long or int or double or float or decimal;

    private static void SetDuckDbVariable(DuckDBConnection connection, string name, object? value)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SET VARIABLE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" = $value";
        command.Parameters.Add(new DuckDBParameter("value", value));
        command.ExecuteNonQuery();
    }

    private void Keep(string name, object? value, Type type)
    {
        _variables.RemoveAll(v => v.Name == name);
        _variables.Add(new KernelVariable(name, type, value));
    }

    // The database, with views over the extract the 'extracts' variable names (made again when it changes).
    private DuckDBConnection Views()
    {
        if (_connection is null)
        {
            _connection = new DuckDBConnection("Data Source=:memory:");
            _connection.Open();
            foreach (var variable in _variables.Where(v => v.Name != ExtractsVariable && IsScalar(v.Value)))
            {
                SetDuckDbVariable(_connection, variable.Name, variable.Value);
            }
        }

        if (!TryGetValue(ExtractsVariable, out var value) || value is not string extracts || string.IsNullOrWhiteSpace(extracts))
        {
            throw new InvalidOperationException(
                $"#!sql queries the extract cache of the directory in the variable '{ExtractsVariable}'; set it first, e.g. #!set --name {ExtractsVariable} --value @csharp:{ExtractsVariable}");
        }

        var directory = Path.GetFullPath(Path.Combine(_directory, extracts));
        if (_viewsOf != directory)
        {
            ExtractViews.Create(_connection, directory, ResourceFiles.ExternalAllowedByDefault);
            _viewsOf = directory;
        }

        return _connection;
    }
}
