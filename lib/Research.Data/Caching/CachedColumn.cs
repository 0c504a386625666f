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
