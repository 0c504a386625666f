namespace Research.Notebooks.Editing;

/// <summary>Whether a submission can run (Jupyter's <c>is_complete_reply</c>).</summary>
/// <param name="Status">Complete, incomplete or invalid.</param>
/// <param name="Indent">For incomplete code, the indentation the next line should start with; otherwise empty.</param>
public sealed record CodeCompleteness(CompletenessStatus Status, string Indent)
{
    /// <summary>The code can run as it is.</summary>
    public static CodeCompleteness Complete { get; } = new(CompletenessStatus.Complete, string.Empty);

    /// <summary>The code has an error that more lines cannot fix; running it shows the error.</summary>
    public static CodeCompleteness Invalid { get; } = new(CompletenessStatus.Invalid, string.Empty);
}

/// <summary>The three answers a console needs to decide between running the code and asking for another line.</summary>
public enum CompletenessStatus
{
    /// <summary>Ready to run.</summary>
    Complete,

    /// <summary>An open block, parenthesis, string or statement: more lines are expected.</summary>
    Incomplete,

    /// <summary>A syntax error more lines cannot fix.</summary>
    Invalid,
}
