namespace Research.Pipeline;

/// <summary>
/// The pipeline cannot do what was asked (a locked output directory, an output that would overwrite an input, a missing
/// notebook, an unreadable record). The message is one line a researcher can act on; nothing was half-written.
/// </summary>
public sealed class PipelineException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PipelineException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public PipelineException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public PipelineException()
    {
    }
}
