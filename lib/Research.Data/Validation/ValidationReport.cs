using System.Globalization;
using System.Text;
using Research.Data.Text;

namespace Research.Data.Validation;

/// <summary>How many issues of one rule one file had.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="File">The file.</param>
/// <param name="Rule">The rule.</param>
/// <param name="Count">How many times it was broken.</param>
public sealed record IssueCount(Severity Severity, string File, string Rule, int Count);

/// <summary>The outcome of validating an extract: the issues (details capped) and their counts per file and rule.</summary>
/// <param name="Issues">Issue details in the order found (at most the sink's detail limit).</param>
/// <param name="Counts">Counts per severity, file and rule, covering every issue.</param>
/// <param name="ErrorCount">Total errors.</param>
/// <param name="WarningCount">Total warnings.</param>
public sealed record ValidationReport(IReadOnlyList<ValidationIssue> Issues, IReadOnlyList<IssueCount> Counts, int ErrorCount, int WarningCount)
{
    /// <summary>True when there is no error (warnings allowed).</summary>
    public bool IsValid => ErrorCount == 0;

    /// <summary>The report as text, listing at most <paramref name="maxListed"/> issues and then every count.</summary>
    /// <param name="maxListed">How many issues to list.</param>
    /// <param name="showIdentifiers">Print the person identifier of each issue (for a terminal only, never for a published file).</param>
    public string Format(int maxListed = 100, bool showIdentifiers = false)
    {
        var text = new StringBuilder();
        var ordered = Issues.OrderBy(i => i.Severity).ToList();
        foreach (var issue in ordered.Take(maxListed))
        {
            text.AppendLine(issue.ToString(showIdentifiers));
        }

        var total = ErrorCount + WarningCount;
        var listed = Math.Min(maxListed, ordered.Count);
        if (total > listed)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"... {total - listed} more not listed.");
        }

        if (Counts.Count > 0)
        {
            text.AppendLine("Counts by file and rule:");
            foreach (var count in Counts)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  {(count.Severity == Severity.Error ? "error  " : "warning")} {PrintableText.Escape(count.File),-24} {count.Rule,-20} {count.Count,10}");
            }
        }

        text.AppendLine(IsValid
            ? string.Create(CultureInfo.InvariantCulture, $"VALID: 0 errors, {WarningCount} warnings.")
            : string.Create(CultureInfo.InvariantCulture, $"INVALID: {ErrorCount} errors, {WarningCount} warnings."));
        return text.ToString();
    }
}
