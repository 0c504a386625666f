using System.Globalization;
using Research.Data.Schema;
using Research.Data.Tables;
using Research.Data.Validation;

namespace Research.Data.Reading;

/// <summary>
/// Accumulates one column while a file is read: recognises missing tokens, parses, checks the field's constraints and
/// reports every failure to the sink. A bad cell becomes a missing cell marked invalid; no row is ever dropped.
/// </summary>
internal abstract class ColumnBuilder
{
    // The missing tokens as an array: every cell is compared with them, and through the list's interface each comparison
    // cost a dispatch.
    private readonly string[] _missingTokens;
    private byte[]? _missing;

    protected ColumnBuilder(TableField field, IReadOnlyList<string> missingValues, string file, IssueSink sink)
    {
        Field = field;
        MissingValues = missingValues;
        _missingTokens = [.. missingValues];
        File = file;
        Sink = sink;
    }

    public TableField Field { get; }

    public IReadOnlyList<string> MissingValues { get; }

    public int Count { get; private set; }

    protected string File { get; }

    protected IssueSink Sink { get; }

    protected byte[]? Missing => _missing;

    public static ColumnBuilder For(TableField field, IReadOnlyList<string> missingValues, string file, IssueSink sink, int capacity) => field.Type switch
    {
        FieldType.String => new StringColumnBuilder(field, missingValues, file, sink, capacity),
        FieldType.Integer => new ValueColumnBuilder<long>(field, missingValues, file, sink, capacity, (TableField f, ReadOnlySpan<char> s, out long v) => FieldParser.TryParseInteger(f, s, out v)),
        FieldType.Number => new ValueColumnBuilder<double>(field, missingValues, file, sink, capacity, (TableField f, ReadOnlySpan<char> s, out double v) => FieldParser.TryParseNumber(f, s, out v)),
        FieldType.Boolean => BooleanBuilder(field, missingValues, file, sink, capacity),
        FieldType.Date => new ValueColumnBuilder<DateOnly>(field, missingValues, file, sink, capacity, (TableField _, ReadOnlySpan<char> s, out DateOnly v) => FieldParser.TryParseDate(s, out v)),
        FieldType.YearMonth => new ValueColumnBuilder<YearMonth>(field, missingValues, file, sink, capacity, (TableField _, ReadOnlySpan<char> s, out YearMonth v) => YearMonth.TryParse(s, out v)),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Type, "unsupported field type"),
    };

    private static ValueColumnBuilder<bool> BooleanBuilder(TableField field, IReadOnlyList<string> missingValues, string file, IssueSink sink, int capacity)
    {
        string[] trueValues = [.. field.TrueValues], falseValues = [.. field.FalseValues];
        return new ValueColumnBuilder<bool>(field, missingValues, file, sink, capacity,
            (TableField _, ReadOnlySpan<char> s, out bool v) => FieldParser.TryParseBoolean(trueValues, falseValues, s, out v));
    }

    /// <summary>Appends a cell given as text (CSV, or a Parquet string).</summary>
    public void AppendText(ReadOnlySpan<char> raw, int fileRow)
    {
        var tokens = _missingTokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (raw.SequenceEqual(tokens[i]))
            {
                AppendMissing((byte)(i + 1), tokens[i], fileRow);
                return;
            }
        }

        if (!TryAppendParsed(raw, fileRow))
        {
            Sink.Error(File, fileRow, Field.Name, raw.ToString(), Rules.Type, FieldParser.Expectation(Field, raw));
            AppendMissingSlot(Column.Invalid);
        }
    }

    /// <summary>Appends a cell that is null in a typed source (Parquet), i.e. the first declared missing token.</summary>
    public void AppendNull(int fileRow) => AppendMissing(1, null, fileRow);

    /// <summary>Appends a missing cell for a column the file lacks (already reported once as a missing column).</summary>
    public void AppendAbsent() => AppendMissingSlot(Column.Invalid);

    /// <summary>
    /// Appends every cell of <paramref name="next"/>, a builder of the same field that read the rows after this one's
    /// (a later chunk of the same file), as if this builder had read them.
    /// </summary>
    public void AppendAll(ColumnBuilder next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var start = Count;
        AppendSlotsOf(next);
        Count += next.Count;
        if (next._missing is { } codes)
        {
            if (_missing is null || _missing.Length < Count)
            {
                Array.Resize(ref _missing, Grown(_missing?.Length ?? 0, Math.Max(16, Count)));
            }

            Array.Copy(codes, 0, _missing, start, Math.Min(next.Count, codes.Length));
        }
    }

    public abstract Column Build();

    /// <summary>Reports repeated values of a <c>unique</c> field.</summary>
    public abstract void CheckUnique(Func<int, int> fileRowOf);

    protected abstract bool TryAppendParsed(ReadOnlySpan<char> raw, int fileRow);

    protected abstract void AppendDefaultSlot();

    /// <summary>Copies the value slots of <paramref name="next"/> (same type and field) after this builder's, leaving <see cref="Count"/> to the caller.</summary>
    protected abstract void AppendSlotsOf(ColumnBuilder next);

    protected void Advance() => Count++;

    /// <summary>
    /// The new length of slots of <paramref name="length"/> that must hold <paramref name="needed"/>: an eighth more than
    /// needed, since an estimate a little short would otherwise copy the whole column again for each later chunk, and
    /// the column keeps its array as it is (untouched slots hold no memory).
    /// </summary>
    protected static int Grown(int length, int needed) => (int)Math.Min(Array.MaxLength, Math.Max(needed + ((long)needed / 8), length));

    private void AppendMissing(byte code, string? raw, int fileRow)
    {
        if (Field.Constraints.Required)
        {
            Sink.Error(File, fileRow, Field.Name, raw, Rules.Required, "a value is required");
        }

        AppendMissingSlot(code);
    }

    private void AppendMissingSlot(byte code)
    {
        AppendDefaultSlot();
        _missing ??= new byte[Math.Max(16, Count * 2)];
        if (_missing.Length < Count)
        {
            Array.Resize(ref _missing, Math.Max(Count, _missing.Length * 2));
        }

        _missing[Count - 1] = code;
    }

    protected byte[]? TrimmedMissing()
    {
        if (_missing is null)
        {
            return null;
        }

        var trimmed = new byte[Count];
        Array.Copy(_missing, trimmed, Math.Min(Count, _missing.Length));
        return trimmed;
    }

    protected static string Lexical(object bound) => bound switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => bound.ToString() ?? string.Empty,
    };
}
