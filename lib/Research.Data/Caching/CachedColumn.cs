using Parquet;
using Parquet.Schema;
using Research.Data.Schema;
using Research.Data.Tables;

namespace Research.Data.Caching;

/// <summary>
/// Rebuilds one typed column from a cached partition. The cache holds only validated extracts, so nothing is parsed or
/// checked again: values are copied, text is dictionary-encoded in order of first appearance (as the CSV reader does),
/// and each missing cell gets back the code of the token it had.
/// </summary>
internal abstract class CachedColumn
{
    private byte[]? _missing;

    protected CachedColumn(TableField field, IReadOnlyList<string> missingValues, int length)
    {
        Field = field;
        MissingValues = missingValues;
        Length = length;
    }

    public TableField Field { get; }

    protected IReadOnlyList<string> MissingValues { get; }

    protected int Length { get; }

    protected byte[]? Missing => _missing;

    public static CachedColumn For(TableField field, IReadOnlyList<string> missingValues, int length) => field.Type switch
    {
        FieldType.String => new CachedStrings(field, missingValues, length),
        FieldType.Integer => new CachedValues<long, long>(field, missingValues, length, v => v),
        FieldType.Number => new CachedValues<double, double>(field, missingValues, length, v => v),
        FieldType.Boolean => new CachedValues<bool, bool>(field, missingValues, length, v => v),
        FieldType.Date => new CachedValues<DateOnly, DateOnly>(field, missingValues, length, v => v),
        FieldType.YearMonth => new CachedValues<DateOnly, YearMonth>(field, missingValues, length, YearMonth.Of),
        _ => throw new NotSupportedException(field.Type.ToString()),
    };

    public abstract Task ReadAsync(ParquetRowGroupReader group, DataField field, int start, int count);

    public async Task ReadMissingAsync(ParquetRowGroupReader group, DataField field, int start, int count)
    {
        var codes = new byte[count];
        await group.ReadAsync<byte>(field, codes.AsMemory());
        for (var i = 0; i < count; i++)
        {
            if (codes[i] != 0)
            {
                _missing ??= new byte[Length];
                _missing[start + i] = codes[i];
            }
        }
    }

    public abstract Column Build();

    // A null read without a recorded code (cannot happen in a cache this library wrote) is the first token, as Parquet reads it.
    protected void MarkNull(int row)
    {
        _missing ??= new byte[Length];
        if (_missing[row] == 0)
        {
            _missing[row] = 1;
        }
    }
}

/// <summary>A cached text column.</summary>
internal sealed class CachedStrings(TableField field, IReadOnlyList<string> missingValues, int length) : CachedColumn(field, missingValues, length)
{
    private readonly Dictionary<string, int> _codeOf = new(StringComparer.Ordinal);
    private readonly List<string> _levels = [];
    private readonly int[] _codes = new int[length];

    public override async Task ReadAsync(ParquetRowGroupReader group, DataField field, int start, int count)
    {
        var values = new string?[count];
        await group.ReadAsync(field, values.AsMemory()!);
        for (var i = 0; i < count; i++)
        {
            if (values[i] is not { } text)
            {
                _codes[start + i] = -1;
                MarkNull(start + i);
                continue;
            }

            if (!_codeOf.TryGetValue(text, out var code))
            {
                code = _levels.Count;
                _codeOf.Add(text, code);
                _levels.Add(text);
            }

            _codes[start + i] = code;
        }
    }

    public override Column Build() => new StringColumn(Field, MissingValues, _codes, [.. _levels], Missing);
}

/// <summary>A cached column of values stored as <typeparamref name="TStored"/>.</summary>
internal sealed class CachedValues<TStored, T>(TableField field, IReadOnlyList<string> missingValues, int length, Func<TStored, T> convert)
    : CachedColumn(field, missingValues, length)
    where TStored : struct
    where T : struct
{
    private readonly T[] _values = new T[length];

    public override async Task ReadAsync(ParquetRowGroupReader group, DataField field, int start, int count)
    {
        var values = new TStored?[count];
        await group.ReadAsync<TStored>(field, values.AsMemory());
        for (var i = 0; i < count; i++)
        {
            if (values[i] is { } v)
            {
                _values[start + i] = convert(v);
            }
            else
            {
                MarkNull(start + i);
            }
        }
    }

    public override Column Build() => new ValueColumn<T>(Field, MissingValues, _values, Missing);
}
