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

    /// <summary>
    /// Reads a flat column raw: the present values packed at the front of <paramref name="values"/>, and per row its
    /// definition level (1 present, 0 null); null when the column cannot hold nulls (every row present).
    /// </summary>
    /// <remarks>
    /// Parquet.Net's typed reading builds a <see cref="Nullable{T}"/> or a string per row from these same buffers, and
    /// that materialisation was most of the cost of reading a cache: loading a whole extract at scale 20, 4.2 CPU-s of
    /// which 2.8 in the per-row conversions. Levels above 1 or any repetition belong to nested columns, which this
    /// library never writes.
    /// </remarks>
    /// <exception cref="InvalidDataException">The column is nested or repeated.</exception>
    protected static async Task<int[]?> ReadRawAsync<TRaw>(ParquetRowGroupReader group, DataField field, TRaw[] values, int count)
        where TRaw : struct
    {
        if (field.MaxRepetitionLevel != 0 || field.MaxDefinitionLevel > 1)
        {
            throw new InvalidDataException($"the cached column {field.Name} is not a flat column");
        }

        if (field.MaxDefinitionLevel == 0)
        {
            await group.ReadRawAsync(field, values.AsMemory(0, count), null, null);
            return null;
        }

        var levels = new int[count];
        await group.ReadRawAsync(field, values.AsMemory(0, count), levels.AsMemory(), null);
        return levels;
    }

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
