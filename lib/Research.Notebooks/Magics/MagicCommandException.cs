namespace Research.Notebooks.Magics;

/// <summary>A magic command that cannot run (bad options, a missing variable, an unanswered input); fails its cell at its line.</summary>
public sealed class MagicCommandException : Exception
{
    /// <summary>Creates the exception for the magic on cell line <paramref name="line"/>.</summary>
    public MagicCommandException(string message, int line)
        : base(message)
    {
        Line = line;
    }

    /// <summary>The 1-based cell line of the magic.</summary>
    public int Line { get; }
}
