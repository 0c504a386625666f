namespace Research.Notebooks.Reports;

/// <summary>How <see cref="HtmlReportWriter"/> writes a report.</summary>
public sealed record HtmlReportOptions
{
    /// <summary>Keep the code cells (folded, with a toggle for all); by default they are left out, as nbconvert's <c>--no-input</c> does, so a report reads as a document.</summary>
    public bool ShowCode { get; init; }
}
