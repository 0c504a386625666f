using Research.Data.Validation;

namespace Research.Data;

/// <summary>An extract failed validation; <see cref="Report"/> lists every problem.</summary>
public sealed class InvalidExtractException : Exception
{
    /// <summary>Creates the exception for <paramref name="directory"/>.</summary>
    public InvalidExtractException(string directory, ValidationReport report)
        : base($"the extract in {directory} is invalid:{Environment.NewLine}{report.Format(20)}")
    {
        Directory = directory;
        Report = report;
    }

    /// <summary>The extract directory.</summary>
    public string Directory { get; }

    /// <summary>The validation report.</summary>
    public ValidationReport Report { get; }
}
