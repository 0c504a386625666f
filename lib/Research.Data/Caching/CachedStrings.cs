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
        // The text of a row is looked up as characters: a string is made once per distinct value, not once per row.
        var values = new ReadOnlyMemory<char>[count];
        var levels = await ReadRawAsync(group, field, values, count);
        var lookup = _codeOf.GetAlternateLookup<ReadOnlySpan<char>>();
        var next = 0;
        for (var i = 0; i < count; i++)
        {
            if (levels is not null && levels[i] != 1)
            {
                _codes[start + i] = -1;
                MarkNull(start + i);
                continue;
            }

            var text = values[next++].Span;
            if (!lookup.TryGetValue(text, out var code))
            {
                code = _levels.Count;
                var value = text.ToString();
                _codeOf.Add(value, code);
                _levels.Add(value);
            }

            _codes[start + i] = code;
        }
    }

    public override Column Build() => new StringColumn(Field, MissingValues, _codes, [.. _levels], Missing);
}
