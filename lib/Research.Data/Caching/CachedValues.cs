using System.Buffers;
using Parquet;
using Parquet.Schema;
using Research.Data.Schema;
using Research.Data.Tables;

namespace Research.Data.Caching;

/// <summary>A cached column of values stored as <typeparamref name="TStored"/>.</summary>
internal sealed class CachedValues<TStored, T>(TableField field, IReadOnlyList<string> missingValues, int length, Func<TStored, T> convert)
    : CachedColumn(field, missingValues, length)
    where TStored : struct
    where T : struct
{
    private readonly T[] _values = new T[length];

    public override async Task ReadAsync(ParquetRowGroupReader group, DataField field, int start, int count)
    {
        var values = ArrayPool<TStored>.Shared.Rent(count);
        var levels = ArrayPool<int>.Shared.Rent(count);
        try
        {
            var nullable = await ReadRawAsync(group, field, values, levels, count);
            var next = 0;
            for (var i = 0; i < count; i++)
            {
                if (!nullable || levels[i] == 1)
                {
                    _values[start + i] = convert(values[next++]);
                }
                else
                {
                    MarkNull(start + i);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(levels);
            ArrayPool<TStored>.Shared.Return(values);
        }
    }

    public override Column Build() => new ValueColumn<T>(Field, MissingValues, _values, Missing);
}
