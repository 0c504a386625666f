namespace Research.Data.Schema;

/// <summary>A descriptor file (datapackage.json, experiments.json) is malformed; the message names file and property.</summary>
public sealed class DescriptorException : Exception
{
    /// <summary>Creates the exception for <paramref name="file"/> and the JSON <paramref name="location"/> at fault.</summary>
    public DescriptorException(string file, string location, string problem)
        : base($"{file}: {location}: {problem}")
    {
        File = file;
        Location = location;
        Problem = problem;
    }

    /// <summary>The descriptor file.</summary>
    public string File { get; }

    /// <summary>JSON path of the offending property, e.g. <c>resources[1].schema.fields[3].type</c>.</summary>
    public string Location { get; }

    /// <summary>What was wrong.</summary>
    public string Problem { get; }
}
