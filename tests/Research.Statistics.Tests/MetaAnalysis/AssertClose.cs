namespace Research.Statistics.Tests;

/// <summary>Relative-tolerance comparison of computed values with reference values.</summary>
internal static class AssertClose
{
    /// <summary>Passes when |actual − expected| ≤ relative·|expected| + absolute.</summary>
    public static void Equal(double expected, double actual, double relative = 1e-8, double absolute = 1e-13, string? what = null)
    {
        var ok = Math.Abs(actual - expected) <= relative * Math.Abs(expected) + absolute
                 || (double.IsPositiveInfinity(expected) && double.IsPositiveInfinity(actual));
        Assert.True(ok, FormattableString.Invariant($"{what ?? "value"}: expected {expected:R}, got {actual:R} (relative error {Math.Abs(actual - expected) / Math.Abs(expected):E2}, tolerance {relative:E0})"));
    }

    public static void Equal(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double relative = 1e-8, double absolute = 1e-13, string? what = null)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Equal(expected[i], actual[i], relative, absolute, $"{what ?? "value"}[{i}]");
        }
    }
}
