using System.Buffers;
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
/// <remarks>
/// Row groups are read side by side (<see cref="PartitionFile"/>): <see cref="ReadAsync"/> and
/// <see cref="ReadMissingAsync"/> may run at once for disjoint row ranges, and <see cref="Build"/> runs after all of
/// them. Buffers for a row group's raw values are rented, so a table of many row groups does not ask the runtime for
/// fresh (page-faulted, zeroed) memory for each.
/// </remarks>
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

    /// <summary>Reads rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> from one row group.</summary>
    public abstract Task ReadAsync(ParquetRowGroupReader group, DataField field, int start, int count);

    /// <summary>Reads the missing-token codes of the same rows.</summary>
    public async Task ReadMissingAsync(ParquetRowGroupReader group, DataField field, int start, int count)
    {
        var codes = ArrayPool<byte>.Shared.Rent(count);
        try
        {
            await group.ReadAsync<byte>(field, codes.AsMemory(0, count));
            for (var i = 0; i < count; i++)
            {
                if (codes[i] != 0)
                {
                    MissingCodes()[start + i] = codes[i];
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(codes);
        }
    }

    public abstract Column Build();

    /// <summary>
    /// Reads a flat column raw: the present values packed at the front of <paramref name="values"/>, and per row its
    /// definition level (1 present, 0 null) in <paramref name="levels"/>; false when the column cannot hold nulls (every
    /// row present, <paramref name="levels"/> untouched).
    /// </summary>
    /// <remarks>
    /// Parquet.Net's typed reading builds a <see cref="Nullable{T}"/> or a string per row from these same buffers, and
    /// that materialisation was most of the cost of reading a cache: loading a whole extract at scale 20, 4.2 CPU-s of
    /// which 2.8 in the per-row conversions. Levels above 1 or any repetition belong to nested columns, which this
    /// library never writes.
    /// </remarks>
    /// <exception cref="InvalidDataException">The column is nested or repeated.</exception>
    protected static async Task<bool> ReadRawAsync<TRaw>(ParquetRowGroupReader group, DataField field, TRaw[] values, int[] levels, int count)
        where TRaw : struct
    {
        RequireFlat(field);

        if (field.MaxDefinitionLevel == 0)
        {
            await group.ReadRawAsync(field, values.AsMemory(0, count), null, null);
            return false;
        }

        await group.ReadRawAsync(field, values.AsMemory(0, count), levels.AsMemory(0, count), null);
        return true;
    }

    /// <summary>Refuses a nested or repeated column, which this library never writes: it is damage, not data.</summary>
    /// <exception cref="InvalidDataException">The column is nested or repeated.</exception>
    protected static void RequireFlat(DataField field)
    {
        if (field.MaxRepetitionLevel != 0 || field.MaxDefinitionLevel > 1)
        {
            throw new InvalidDataException($"the cached column {field.Name} is not a flat column");
        }
    }

    // A null read without a recorded code (cannot happen in a cache this library wrote) is the first token, as Parquet reads it.
    protected void MarkNull(int row)
    {
        var missing = MissingCodes();
        if (missing[row] == 0)
        {
            missing[row] = 1;
        }
    }

    // Row groups read at once may both find the codes absent: one array is published and both write into it.
    private byte[] MissingCodes() => LazyInitializer.EnsureInitialized(ref _missing, () => new byte[Length]);
}
