namespace Research.Data.Tables;

/// <summary>
/// Rows grouped by a dictionary code (e.g. all register months of each person), built with one counting sort:
/// linear time, and rows keep their file order within a group.
/// </summary>
public sealed class GroupIndex
{
    private readonly int[] _offsets;
    private readonly int[] _rows;

    private GroupIndex(int[] offsets, int[] rows)
    {
        _offsets = offsets;
        _rows = rows;
    }

    /// <summary>The number of groups (the number of distinct codes, including empty groups).</summary>
    public int GroupCount => _offsets.Length - 1;

    /// <summary>The rows of group <paramref name="group"/>, in file order.</summary>
    public ReadOnlySpan<int> Rows(int group) => _rows.AsSpan(_offsets[group], _offsets[group + 1] - _offsets[group]);

    /// <summary>Groups the rows of <paramref name="column"/> by value; missing cells belong to no group.</summary>
    public static GroupIndex By(StringColumn column) => By(column.Codes, column.Levels.Count);

    /// <summary>Groups rows by <paramref name="codes"/> in <c>[0, groupCount)</c>; negative codes belong to no group.</summary>
    public static GroupIndex By(ReadOnlySpan<int> codes, int groupCount)
    {
        var offsets = new int[groupCount + 1];
        foreach (var code in codes)
        {
            if (code >= 0)
            {
                offsets[code + 1]++;
            }
        }

        for (var g = 0; g < groupCount; g++)
        {
            offsets[g + 1] += offsets[g];
        }

        var next = offsets[..^1].ToArray();
        var rows = new int[offsets[groupCount]];
        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] >= 0)
            {
                rows[next[codes[i]]++] = i;
            }
        }

        return new GroupIndex(offsets, rows);
    }
}
