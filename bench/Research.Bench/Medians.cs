namespace Research.Bench;

/// <summary>The median, the figure benchmarks print (robust to a run disturbed by the shared machine).</summary>
public static class Medians
{
    /// <summary>The median of <paramref name="values"/>.</summary>
    public static double Median(this IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
