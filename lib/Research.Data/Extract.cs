using Research.Data.Design;
using Research.Data.Reading;
using Research.Data.Schema;
using Research.Data.Tables;
using Research.Data.Validation;

namespace Research.Data;

/// <summary>
/// The raw extracts of one directory: participants, monthly register panel and survey responses, read and validated
/// against the data package and the experiment designs.
/// </summary>
/// <example>
/// In a notebook cell:
/// <code>
/// var extract = Extract.Load("extracts");          // throws InvalidExtractException listing every problem
/// var register = extract.RegisterMonths!.ToDataFrame();
/// </code>
/// </example>
public sealed class Extract
{
    private Extract(string directory, DataPackage package, ExperimentCatalog experiments, IReadOnlyList<Table> tables)
    {
        Directory = directory;
        Package = package;
        Experiments = experiments;
        Tables = tables;
    }

    /// <summary>The directory the extract was read from.</summary>
    public string Directory { get; }

    /// <summary>The descriptor that governed reading.</summary>
    public DataPackage Package { get; }

    /// <summary>The experiment designs.</summary>
    public ExperimentCatalog Experiments { get; }

    /// <summary>Every table that could be read.</summary>
    public IReadOnlyList<Table> Tables { get; }

    /// <summary>The participants table, if its file exists.</summary>
    public Table? Participants => Find("participants");

    /// <summary>The monthly register panel, if its file exists.</summary>
    public Table? RegisterMonths => Find("register_months");

    /// <summary>The survey responses, if the file exists.</summary>
    public Table? SurveyResponses => Find("survey_responses");

    /// <summary>
    /// Reads and validates every table of <paramref name="directory"/>. Never throws for bad data: every problem is in the
    /// report. <paramref name="extraChecks"/> lets callers add rules that need other libraries (e.g. instrument ranges).
    /// </summary>
    /// <param name="directory">The extract directory.</param>
    /// <param name="detailLimit">How many issue details the report keeps (counts are always complete).</param>
    /// <param name="extraChecks">More rules to run on the extract.</param>
    /// <param name="allowExternalResources">
    /// Read resources that lie outside <paramref name="directory"/>; null follows <see cref="ResourceFiles.AllowExternalSwitch"/>.
    /// </param>
    public static (Extract? Extract, ValidationReport Report) Read(string directory, int detailLimit = 10_000, Action<Extract, IssueSink>? extraChecks = null,
        bool? allowExternalResources = null)
    {
        var sink = new IssueSink(detailLimit);
        if (!System.IO.Directory.Exists(directory))
        {
            sink.Error(directory, null, null, null, Rules.FileMissing, "the extract directory does not exist");
            return (null, sink.ToReport());
        }

        DataPackage package;
        ExperimentCatalog experiments;
        try
        {
            package = DataPackage.ForDirectory(directory);
            experiments = ExperimentCatalog.ForDirectory(directory);
        }
        catch (DescriptorException e)
        {
            sink.Error(Path.GetFileName(e.File), null, null, null, Rules.Descriptor, $"{e.Location}: {e.Problem}");
            return (null, sink.ToReport());
        }

        sink.ProtectIdentifiers(package.IdentifierFields);
        var tables = new List<Table>();
        foreach (var resource in package.Resources)
        {
            if (TableReader.Read(resource, directory, sink, allowExternalResources ?? ResourceFiles.ExternalAllowedByDefault) is { } table)
            {
                tables.Add(table);
            }
        }

        var extract = new Extract(directory, package, experiments, tables);
        ExtractValidator.Validate(extract, sink);
        extraChecks?.Invoke(extract, sink);
        return (extract, sink.ToReport());
    }

    /// <summary>Reads <paramref name="directory"/> and returns the extract only if it is valid.</summary>
    /// <exception cref="InvalidExtractException">The extract has errors; the exception carries the full report.</exception>
    public static Extract Load(string directory)
    {
        var (extract, report) = Read(directory);
        return report.IsValid && extract is not null ? extract : throw new InvalidExtractException(directory, report);
    }

    private Table? Find(string name) => Tables.FirstOrDefault(t => t.Name == name);
}
