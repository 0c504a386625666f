namespace Research.Notebooks;

/// <summary>A notebook file that cannot be read: malformed JSON, an unsupported nbformat, a bad kernel declaration.</summary>
public sealed class NotebookFormatException : Exception
{
    /// <summary>Creates the exception with a message saying what was wrong and where.</summary>
    public NotebookFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping the parser's error.</summary>
    public NotebookFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
