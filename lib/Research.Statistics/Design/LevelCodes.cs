namespace Research.Statistics.Design;

/// <summary>
/// Values coded by level in order of first appearance (missing values −1), with one hash per value: how factors and
/// cluster ids of tens of thousands of rows are read.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Codes">Per value, the index of its level in <paramref name="Levels"/>, or −1 where it is missing.</param>
/// <param name="Levels">The distinct values in order of first appearance.</param>
internal sealed record LevelCodes<T>(int[] Codes, IReadOnlyList<T> Levels)
    where T : notnull
{
    /// <summary>Codes <paramref name="values"/>, comparing them with <paramref name="comparer"/> (the default when null).</summary>
    public static LevelCodes<T> Of(IReadOnlyList<T?> values, IEqualityComparer<T>? comparer = null)
    {
        var codeOf = new Dictionary<T, int>(comparer);
        var levels = new List<T>();
        var codes = new int[values.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            var value = values[i];
            if (value is null)
            {
                codes[i] = -1;
                continue;
            }

            if (!codeOf.TryGetValue(value, out var code))
            {
                code = levels.Count;
                codeOf.Add(value, code);
                levels.Add(value);
            }

            codes[i] = code;
        }

        return new LevelCodes<T>(codes, levels);
    }
}
