using System.Globalization;
using System.Text;

namespace Research.Analysis.Outcomes;

/// <summary>
/// Register data that cannot give the requested outcomes: missing or duplicate months, unknown persons, missing values,
/// or persons whose register does not cover a requested month. Every problem is listed (the message shows the first few).
/// </summary>
public sealed class OutcomeDataException : Exception
{
    private const int ShownInMessage = 10;

    /// <summary>Creates the exception for <paramref name="problems"/> under <paramref name="summary"/>.</summary>
    public OutcomeDataException(string summary, IReadOnlyList<string> problems)
        : base(Format(summary, problems))
    {
        Summary = summary;
        Problems = problems;
    }

    /// <summary>What went wrong overall.</summary>
    public string Summary { get; }

    /// <summary>Each problem, naming the person, file row and month concerned.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Format(string summary, IReadOnlyList<string> problems)
    {
        var text = new StringBuilder(summary);
        foreach (var problem in problems.Take(ShownInMessage))
        {
            text.Append("\n  ").Append(problem);
        }

        if (problems.Count > ShownInMessage)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  ... and {problems.Count - ShownInMessage} more (see Problems)");
        }

        return text.ToString();
    }
}
