namespace Research.Notebooks.Parameters;

/// <summary>The types a notebook parameter can have; taken from the default in the <c>parameters</c> cell.</summary>
public enum ParameterType
{
    /// <summary>A type this host cannot inject from the command line.</summary>
    Unsupported,

    /// <summary><c>int</c>.</summary>
    Int32,

    /// <summary><c>long</c>.</summary>
    Int64,

    /// <summary><c>double</c>.</summary>
    Double,

    /// <summary><c>bool</c> (<c>true</c>/<c>false</c>).</summary>
    Boolean,

    /// <summary><c>string</c>.</summary>
    String,

    /// <summary><c>DateOnly</c> (ISO <c>yyyy-MM-dd</c> on the command line).</summary>
    Date,

    /// <summary><c>string[]</c> (comma-separated or a JSON array on the command line).</summary>
    StringArray,
}
