using System.Collections.Concurrent;
using Parquet;
using Parquet.Schema;
using Research.Data.Schema;
using Research.Data.Tables;

namespace Research.Data.Caching;

/// <summary>A cached text column, read from its codes (<see cref="PartitionFile.CodePrefix"/>).</summary>
/// <remarks>
/// Each row group is coded on its own (its rows have codes into its own list of values, in order of first appearance)
/// so that groups can be read at once; <see cref="Build"/> then merges the groups' lists in row order, which gives
/// every value the code reading the rows one after another would have given it.
/// </remarks>
internal sealed class CachedStrings(TableField field, IReadOnlyList<string> missingValues, int length) : CachedColumn(field, missingValues, length)
{
    private readonly int[] _codes = new int[length];
    private readonly ConcurrentBag<(int Start, int Count, string[] Levels)> _groups = [];

    /// <summary>Reads the rows' codes from <paramref name="field"/>, the code column, and the group's values from its metadata.</summary>
    /// <exception cref="InvalidDataException">The column is not a flat column of codes, its values are missing or malformed, or a code is outside them.</exception>
    public override async Task ReadAsync(ParquetRowGroupReader group, DataField field, int start, int count)
    {
        RequireFlat(field);
        if (field.MaxDefinitionLevel != 0)
        {
            throw new InvalidDataException($"the cached column {field.Name} may hold nulls, which codes never are");
        }

        var metadata = group.GetCustomMetadata(field);
        var own = metadata is not null && metadata.TryGetValue(PartitionFile.LevelsKey, out var text)
            ? CodedLevels.Read(text)
            : throw new InvalidDataException($"the cached column {field.Name} does not list its values");
        await group.ReadAsync<int>(field, _codes.AsMemory(start, count));
        for (var i = start; i < start + count; i++)
        {
            var code = _codes[i];
            if (code == -1)
            {
                MarkNull(i);
            }
            else if (code < -1 || code >= own.Length)
            {
                throw new InvalidDataException($"the cached column {field.Name} has code {code} for a list of {own.Length} values");
            }
        }

        _groups.Add((start, count, own));
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
