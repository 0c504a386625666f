namespace Research.Statistics.Design;

/// <summary>Copies the kept rows of a column.</summary>
internal static class RowSubset
{
    public static T[] Take<T>(T[] values, bool[] keep, int kept)
    {
        var result = new T[kept];
        var r = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (keep[i])
            {
                result[r++] = values[i];
            }
        }

        return result;
    }
}
