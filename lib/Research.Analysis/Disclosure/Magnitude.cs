namespace Research.Analysis.Disclosure;

/// <summary>What the dominance rule needs to know about a mean of amounts: the total and the two largest contributions.</summary>
/// <param name="Total">The sum of the (absolute) amounts.</param>
/// <param name="Largest">The largest single contribution.</param>
/// <param name="SecondLargest">The second largest.</param>
public sealed record Magnitude(double Total, double Largest, double SecondLargest)
{
    /// <summary>The magnitude of <paramref name="amounts"/> (absolute values: a large negative amount dominates too).</summary>
    public static Magnitude Of(IEnumerable<double> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        double total = 0, first = 0, second = 0;
        foreach (var a in amounts.Select(Math.Abs))
        {
            total += a;
            if (a > first)
            {
                (first, second) = (a, first);
            }
            else if (a > second)
            {
                second = a;
            }
        }

        return new Magnitude(total, first, second);
    }
}
