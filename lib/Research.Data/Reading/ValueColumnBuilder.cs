using Research.Data.Schema;
using Research.Data.Tables;
using Research.Data.Validation;

namespace Research.Data.Reading;

/// <summary>Parses a text cell into <typeparamref name="T"/> by the field's declaration.</summary>
internal delegate bool CellParser<T>(TableField field, ReadOnlySpan<char> text, out T value);

/// <summary>Builds a <see cref="ValueColumn{T}"/>.</summary>
internal sealed class ValueColumnBuilder<T> : ColumnBuilder
    where T : struct, IComparable<T>
{
    private readonly CellParser<T> _parse;
    private readonly T? _minimum;
    private readonly T? _maximum;
    private readonly HashSet<T>? _enum;
    private T[] _values;

    public ValueColumnBuilder(TableField field, IReadOnlyList<string> missingValues, string file, IssueSink sink, int capacity, CellParser<T> parse)
        : base(field, missingValues, file, sink)
    {
        _parse = parse;
        _values = new T[Math.Max(16, capacity)];
        var canonical = field with { DecimalChar = '.', GroupChar = null };
        if (field.Constraints.Minimum is { } min && FieldParser.TryParseBound(canonical, min, out var lo))
        {
            _minimum = (T)lo;
        }

        if (field.Constraints.Maximum is { } max && FieldParser.TryParseBound(canonical, max, out var hi))
        {
            _maximum = (T)hi;
        }

        if (field.Constraints.Enum is { } allowed)
        {
            _enum = [];
            foreach (var text in allowed)
            {
                if (parse(canonical, text, out var v))
                {
                    _enum.Add(v);
                }
            }
        }
    }

    /// <summary>Appends a typed value (Parquet) and checks the constraints; <paramref name="lexical"/> may be empty, then the value is formatted for messages.</summary>
    public void AppendValue(T value, int fileRow, string lexical)
    {
        Store(value);
        Check(value, fileRow, lexical.Length > 0 ? lexical : Lexical(value));
    }

    public override Column Build() => new ValueColumn<T>(Field, MissingValues, _values, Count, TrimmedMissing());

    public override void CheckUnique(Func<int, int> fileRowOf)
    {
        var seen = new HashSet<T>();
        for (var i = 0; i < Count; i++)
        {
            if ((Missing is null || i >= Missing.Length || Missing[i] == 0) && !seen.Add(_values[i]))
            {
                Sink.Error(File, fileRowOf(i), Field.Name, _values[i].ToString(), Rules.Unique, "value must be unique in the column but appears before");
            }
        }
    }

    protected override bool TryAppendParsed(ReadOnlySpan<char> raw, int fileRow)
    {
        if (!_parse(Field, raw, out var value))
        {
            return false;
        }

        Store(value);
        Check(value, fileRow, raw);
        return true;
    }

    protected override void AppendDefaultSlot() => Store(default);

    protected override void AppendSlotsOf(ColumnBuilder next)
    {
        var other = (ValueColumnBuilder<T>)next;
        if (_values.Length < Count + other.Count)
        {
            Array.Resize(ref _values, Grown(_values.Length, Count + other.Count));
        }

        Array.Copy(other._values, 0, _values, Count, other.Count);
    }

    private void Store(T value)
    {
        if (Count == _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
        }

        _values[Count] = value;
        Advance();
    }

    private void Check(T value, int fileRow, ReadOnlySpan<char> lexical)
    {
        if (_minimum is null && _maximum is null && _enum is null)
        {
            return;
        }

        if (_minimum is { } min && value.CompareTo(min) < 0)
        {
            Sink.Error(File, fileRow, Field.Name, lexical.ToString(), Rules.Minimum, $"must be at least {Lexical(min)}");
        }

        if (_maximum is { } max && value.CompareTo(max) > 0)
        {
            Sink.Error(File, fileRow, Field.Name, lexical.ToString(), Rules.Maximum, $"must be at most {Lexical(max)}");
        }

        if (_enum is not null && !_enum.Contains(value))
        {
            Sink.Error(File, fileRow, Field.Name, lexical.ToString(), Rules.Enum, $"must be one of {string.Join(", ", Field.Constraints.Enum!)}");
        }
    }
}
