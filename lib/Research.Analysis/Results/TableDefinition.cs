using Research.Analysis.Disclosure;

namespace Research.Analysis.Results;

/// <summary>
/// A frozen table declaration (made by <see cref="TableBuilder{T}"/>): turns records into a draft table (exact numbers and
/// the facts disclosure control needs) whose every number has its declared kind. Immutable and thread-safe.
/// </summary>
/// <typeparam name="T">The record type of a row.</typeparam>
public sealed class TableDefinition<T>
{
    private readonly Func<T, string> _key;
    private readonly IReadOnlyList<TableColumn<T>> _columns;
    private readonly Func<T, IReadOnlyList<int>>? _support;
    private readonly Func<T, EffectLink?>? _effectLink;

    internal TableDefinition(string name, string title, Func<T, string> key, IReadOnlyList<TableColumn<T>> columns, Func<T, IReadOnlyList<int>>? support, Func<T, EffectLink?>? effectLink)
    {
        Name = name;
        Title = title;
        _key = key;
        _columns = columns;
        _support = support;
        _effectLink = effectLink;
        Columns = [.. columns.Select(c => c.Column)];
    }

    /// <summary>The table name in result files.</summary>
    public string Name { get; }

    /// <summary>The table title.</summary>
    public string Title { get; }

    /// <summary>The declared columns in order.</summary>
    public IReadOnlyList<ResultColumn> Columns { get; }

    /// <summary>The draft table of <paramref name="records"/> (one row each, in order) with <paramref name="footnotes"/>, for disclosure control.</summary>
    /// <exception cref="InvalidDataException">Two records have the same key.</exception>
    public DraftTable Draft(IEnumerable<T> records, IEnumerable<string> footnotes, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(footnotes);
        var list = records.ToList();
        var table = new ResultTable(Name, title ?? Title, Columns, list.Select(Row).ToList(), [.. footnotes]).Validated();
        var roles = _columns.Where(c => c.Role != ColumnRole.Plain).ToDictionary(c => c.Column.Name, c => c.Role, StringComparer.Ordinal);
        if (_support is null)
        {
            foreach (var name in roles.Where(r => r.Value == ColumnRole.Model).Select(r => r.Key).ToList())
            {
                roles.Remove(name);
            }
        }

        return new DraftTable(table, list.Select(Facts).ToList(), roles);
    }

    /// <summary>The table of <paramref name="records"/> without disclosure control (for tables of published numbers only, such as the synthesis's).</summary>
    public ResultTable Table(IEnumerable<T> records, IEnumerable<string> footnotes, string? title = null) => Draft(records, footnotes, title).Table;

    private ResultRow Row(T record)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var column in _columns)
        {
            if (column.Text is { } text)
            {
                if (text(record) is { } label)
                {
                    labels[column.Column.Name] = label;
                }
            }
            else if (column.When?.Invoke(record) ?? true)
            {
                values[column.Column.Name] = column.Value!(record);
            }
        }

        return new ResultRow(_key(record), labels, values);
    }

    private CellFacts Facts(T record)
    {
        var facts = new CellFacts { Support = _support?.Invoke(record) ?? [], Effect = _effectLink?.Invoke(record) };
        foreach (var column in _columns.Where(c => c.When?.Invoke(record) ?? true))
        {
            var name = column.Column.Name;
            if (column.Population?.Invoke(record) is { } population)
            {
                facts.Counts[name] = population;
            }

            if (column.SharePopulations?.Invoke(record) is { } shares)
            {
                facts.Shares[name] = shares;
            }

            if (column.Link?.Invoke(record) is { } link)
            {
                facts.ShareLinks[name] = link;
            }

            if (column.Magnitude?.Invoke(record) is { } magnitude)
            {
                facts.Magnitudes[name] = magnitude;
            }
        }

        return facts;
    }
}
