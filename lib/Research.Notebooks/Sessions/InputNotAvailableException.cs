namespace Research.Notebooks.Sessions;

/// <summary>A cell asked for input that its host cannot give; the cell fails with this message.</summary>
public sealed class InputNotAvailableException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public InputNotAvailableException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public InputNotAvailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public InputNotAvailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
