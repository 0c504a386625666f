using System.Globalization;
using Research.Data.Text;

namespace Research.Data.Validation;

/// <summary>One problem found in an extract: where (file, row, column), what value, which rule, and why.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="File">The file, relative to the extract directory.</param>
/// <param name="Row">Row number as a person sees it in the file (CSV header = row 1), or null for file-level issues.</param>
/// <param name="Column">The column, or null.</param>
/// <param name="Value">The offending value as it appears in the file, or null.</param>
/// <param name="Rule">The rule's identifier, one of <see cref="Rules"/>.</param>
/// <param name="Message">What was expected.</param>
/// <remarks>
/// A value in a column that identifies a person (see <see cref="Schema.DataPackage.IdentifierFields"/>) is kept only as
/// <see cref="Identifier"/>: reports list such rows by file and row number and print the identifier only on request.
/// </remarks>
public sealed record ValidationIssue(Severity Severity, string File, int? Row, string? Column, string? Value, string Rule, string Message)
{
    /// <summary>The identifier of the person the issue concerns, if any: never published, printed only on request.</summary>
    public string? Identifier { get; init; }

    /// <summary>One line without the person identifier: <c>error participants.csv row 12, column arm, value "x": [arm-known] ...</c>.</summary>
    public override string ToString() => ToString(showIdentifier: false);

    /// <summary>
    /// One line, with the person identifier when <paramref name="showIdentifier"/> (for the researcher's terminal, never
    /// for a published file). Control characters in values are escaped.
    /// </summary>
    public string ToString(bool showIdentifier)
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

        if (showIdentifier && Identifier is not null)
        {
            where += $", identifier \"{Identifier}\"";
        }

        return PrintableText.Escape($"{(Severity == Severity.Error ? "error" : "warning")} {where}: [{Rule}] {Message}");
    }
}
