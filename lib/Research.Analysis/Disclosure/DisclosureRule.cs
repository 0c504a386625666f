using System.Globalization;

namespace Research.Analysis.Disclosure;

/// <summary>
/// A rule of the output check that can withhold a published number, named in result files (per withheld value) so a
/// reader can see why a cell is empty. See <c>docs/disclosure-control.md</c> for the rules and their sources.
/// </summary>
/// <param name="Key">The key in result files, e.g. <c>minimum_count</c>.</param>
/// <param name="Template">What the rule says; <c>{0}</c> is the minimum count.</param>
public sealed record DisclosureRule(string Key, string Template)
{
    /// <summary>A count of fewer than the minimum number of persons (CBS: at least 10 units per cell).</summary>
    public static DisclosureRule MinimumCount { get; } = new("minimum_count", "fewer than {0} persons");

    /// <summary>A share of persons with fewer than the minimum in the status or out of it (share × n would reveal that count).</summary>
    public static DisclosureRule ShareMinimumCount { get; } = new("minimum_count_share", "fewer than {0} persons with or without the status (share × n would reveal the count)");

    /// <summary>A cell withheld so that a withheld cell cannot be recovered from totals or from other tables (complementary suppression).</summary>
    public static DisclosureRule Complementary { get; } = new("complementary", "withheld so that a smaller withheld count cannot be derived from totals or other published numbers (complementary suppression)");

    /// <summary>A mean of amounts dominated by one person (the largest contribution more than half of the total).</summary>
    public static DisclosureRule Dominance { get; } = new("dominance", "a mean of amounts to which one person contributes more than half (dominance rule)");

    /// <summary>A model estimate resting on a group of fewer than the minimum number of persons, or on fewer residual degrees of freedom.</summary>
    public static DisclosureRule ModelSupport { get; } = new("model_support", "a model estimate resting on a group of fewer than {0} persons or on fewer than {0} residual degrees of freedom");

    /// <summary>A count published rounded to a multiple of five (never below the minimum), so differences with exact counts reveal no small group.</summary>
    public static DisclosureRule Rounded { get; } = new("rounded", "sample size rounded to a multiple of 5, so that it cannot be subtracted from an exact count to reveal a small group");

    /// <summary>Every rule, in the order footnotes list them.</summary>
    public static IReadOnlyList<DisclosureRule> All { get; } = [MinimumCount, ShareMinimumCount, Dominance, ModelSupport, Complementary, Rounded];

    /// <summary>The rule with <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such rule.</exception>
    public static DisclosureRule Of(string key) => All.FirstOrDefault(r => r.Key == key)
        ?? throw new KeyNotFoundException($"no disclosure rule '{key}'; rules: {string.Join(", ", All.Select(r => r.Key))}");

    /// <summary>What the rule says with <paramref name="minimumCount"/> filled in.</summary>
    public string Describe(int minimumCount) => string.Format(CultureInfo.InvariantCulture, Template, minimumCount);
}
