using System.Buffers;
using System.Collections.Concurrent;
using Parquet;
using Parquet.Schema;
using Research.Data.Schema;
using Research.Data.Tables;

namespace Research.Data.Caching;

/// <summary>A cached text column.</summary>
/// <remarks>
/// Each row group is coded on its own (its rows get codes into its own list of values, in order of first appearance)
/// so that groups can be read at once; <see cref="Build"/> then merges the groups' lists in row order, which gives
/// every value the code reading the rows one after another would have given it.
/// </remarks>
internal sealed class CachedStrings(TableField field, IReadOnlyList<string> missingValues, int length) : CachedColumn(field, missingValues, length)
{
    private readonly int[] _codes = new int[length];
    private readonly ConcurrentBag<(int Start, int Count, string[] Levels)> _groups = [];

    public override async Task ReadAsync(ParquetRowGroupReader group, DataField field, int start, int count)
    {
        // The text of a row is looked up as characters: a string is made once per distinct value, not once per row.
        var values = ArrayPool<ReadOnlyMemory<char>>.Shared.Rent(count);
        var levels = ArrayPool<int>.Shared.Rent(count);
        try
        {
            var nullable = await ReadRawAsync(group, field, values, levels, count);
            var codeOf = new Dictionary<string, int>(StringComparer.Ordinal);
            var lookup = codeOf.GetAlternateLookup<ReadOnlySpan<char>>();
            var own = new List<string>();
            var next = 0;
            for (var i = 0; i < count; i++)
            {
                if (nullable && levels[i] != 1)
                {
                    _codes[start + i] = -1;
                    MarkNull(start + i);
                    continue;
                }

                var text = values[next++].Span;
                if (!lookup.TryGetValue(text, out var code))
                {
                    code = own.Count;
                    var value = text.ToString();
                    codeOf.Add(value, code);
                    own.Add(value);
                }

                _codes[start + i] = code;
            }

            _groups.Add((start, count, [.. own]));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(levels);
            ArrayPool<ReadOnlyMemory<char>>.Shared.Return(values, clearArray: true); // they hold the reader's buffers
        }
    }

    public override Column Build()
    {
        var codeOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var levels = new List<string>();
        foreach (var (start, count, own) in _groups.OrderBy(g => g.Start))
        {
            var global = new int[own.Length];
            for (var local = 0; local < own.Length; local++)
            {
                if (!codeOf.TryGetValue(own[local], out global[local]))
                {
                    global[local] = levels.Count;
                    codeOf.Add(own[local], levels.Count);
                    levels.Add(own[local]);
                }
            }

            for (var row = start; row < start + count; row++)
            {
                if (_codes[row] >= 0)
                {
                    _codes[row] = global[_codes[row]];
                }
            }
        }

        return new StringColumn(Field, MissingValues, _codes, [.. levels], Missing);
    }
}
