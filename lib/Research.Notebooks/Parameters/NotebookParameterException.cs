namespace Research.Notebooks.Parameters;

/// <summary>A parameter the notebook does not declare, or a value that does not fit the declared type.</summary>
public sealed class NotebookParameterException : Exception
{
    /// <summary>Creates the exception with a message naming the parameter and what was expected.</summary>
    public NotebookParameterException(string message)
        : base(message)
    {
    }
}
