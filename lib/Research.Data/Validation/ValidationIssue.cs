using System.Globalization;

namespace Research.Data.Validation;

/// <summary>One problem found in an extract: where (file, row, column), what value, which rule, and why.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="File">The file, relative to the extract directory.</param>
/// <param name="Row">Row number as a person sees it in the file (CSV header = row 1), or null for file-level issues.</param>
/// <param name="Column">The column, or null.</param>
/// <param name="Value">The offending value as it appears in the file, or null.</param>
/// <param name="Rule">The rule's identifier, one of <see cref="Rules"/>.</param>
/// <param name="Message">What was expected.</param>
public sealed record ValidationIssue(Severity Severity, string File, int? Row, string? Column, string? Value, string Rule, string Message)
{
    /// <summary>One line: <c>error participants.csv row 12, column arm, value "x": [arm-known] ...</c>.</summary>
    public override string ToString()
    {
        var where = File;
        if (Row is { } row)
        {
            where += string.Create(CultureInfo.InvariantCulture, $" row {row}");
        }

        if (Column is not null)
        {
            where += $", column {Column}";
        }

        if (Value is not null)
        {
            where += $", value \"{Value}\"";
        }

        return $"{(Severity == Severity.Error ? "error" : "warning")} {where}: [{Rule}] {Message}";
    }
}
