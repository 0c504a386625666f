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
