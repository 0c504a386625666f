using Parquet;
using Parquet.Schema;
using Research.Data.Schema;
using Research.Data.Tables;

namespace Research.Data.Caching;

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
