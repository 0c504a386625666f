using System.Globalization;
using Research.Notebooks.Execution;

namespace Research.Cli.Run;

/// <summary>The one-line report of a failed cell: <c>notebook NAME, cell N, line L: message</c>.</summary>
internal static class FailureLine
{
    /// <summary>The line for <paramref name="failure"/> in the notebook named <paramref name="notebook"/>.</summary>
    public static string Of(string notebook, CellFailure failure)
    {
        var line = failure.Line is { } l ? string.Create(CultureInfo.InvariantCulture, $", line {l}") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"notebook {notebook}, cell {failure.CellNumber}{line}: {failure.Message}");
    }
}
