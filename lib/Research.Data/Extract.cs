using Research.Data.Caching;
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
    private Extract(string directory, DataPackage package, ExperimentCatalog experiments, IReadOnlyList<Table> tables, string? municipality = null)
    {
        Directory = directory;
        Package = package;
        Experiments = experiments;
        Tables = tables;
        Municipality = municipality;
    }

    /// <summary>The directory the extract was read from.</summary>
    public string Directory { get; }

    /// <summary>The descriptor that governed reading.</summary>
    public DataPackage Package { get; }

    /// <summary>The experiment designs.</summary>
    public ExperimentCatalog Experiments { get; }

    /// <summary>Every table that could be read.</summary>
    public IReadOnlyList<Table> Tables { get; }

    /// <summary>
    /// The municipality whose rows the tables hold (participants of it, and the register months and survey responses of
    /// those participants), or null for the whole extract.
    /// </summary>
    public string? Municipality { get; }

    /// <summary>
    /// What happened to the extract cache (<see cref="ExtractCache"/>) while this extract was read: written, up to date,
    /// not written and why, read from it, or ignored and why; null when no cache was involved.
    /// </summary>
    public string? CacheNote { get; private set; }

    /// <summary>The participants table, if its file exists.</summary>
    public Table? Participants => Find(ExtractTableNames.Participants);

    /// <summary>The monthly register panel, if its file exists.</summary>
    public Table? RegisterMonths => Find(ExtractTableNames.RegisterMonths);

    /// <summary>The survey responses, if the file exists.</summary>
    public Table? SurveyResponses => Find(ExtractTableNames.SurveyResponses);

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
    /// <param name="writeCache">
    /// When the extract is valid, write its columnar cache (<see cref="ExtractCache"/>) unless an intact one exists;
    /// <see cref="CacheNote"/> says what happened.
    /// </param>
    public static (Extract? Extract, ValidationReport Report) Read(string directory, int detailLimit = 10_000, Action<Extract, IssueSink>? extraChecks = null,
        bool? allowExternalResources = null, bool writeCache = false)
    {
        var sink = new IssueSink(detailLimit);
        var allowExternal = allowExternalResources ?? ResourceFiles.ExternalAllowedByDefault;
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
        // The files are hashed before they are read, so a file changed meanwhile cannot be cached under the new hash.
        var (fingerprint, fingerprintProblem) = writeCache ? Fingerprint(directory, allowExternal) : (null, null);
        // The files are read at once, each reporting into its own sink, and the sinks are merged in the package's order:
        // the report is the one a reading file after file gives, while the register no longer waits for the others.
        var reads = package.Resources.Select(resource =>
        {
            var own = sink.Fork();
            return (Sink: own, Table: Task.Run(() => TableReader.Read(resource, directory, own, allowExternal)));
        }).ToList();
        Task.WhenAll(reads.Select(read => read.Table)).GetAwaiter().GetResult();
        var tables = new List<Table>();
        foreach (var (own, table) in reads)
        {
            sink.Append(own);
            if (table.Result is { } read)
            {
                tables.Add(read);
            }
        }

        var extract = new Extract(directory, package, experiments, tables);
        ExtractValidator.Validate(extract, sink);
        extraChecks?.Invoke(extract, sink);
        var report = sink.ToReport();
        if (writeCache && report.IsValid)
        {
            extract.CacheNote = fingerprint is not null ? ExtractCache.Write(extract, fingerprint) : $"extract cache not written: {fingerprintProblem}";
        }

        return (extract, report);
    }

    /// <summary>
    /// Reads <paramref name="directory"/> and returns the extract only if it is valid: from the extract cache when it
    /// holds an intact entry for the directory's current files (written by <c>research validate</c> or <c>run-all</c>),
    /// else by reading and validating the files.
    /// </summary>
    /// <exception cref="InvalidExtractException">The extract has errors; the exception carries the full report.</exception>
    public static Extract Load(string directory) => LoadCore(directory, null, ExtractTables.All);

    /// <summary>
    /// As <see cref="Load(string)"/>, but holding only <paramref name="tables"/>: from the extract cache only their files
    /// are read. Without a usable cache every table is still read and validated, and the others are then dropped.
    /// </summary>
    /// <exception cref="InvalidExtractException">The extract has errors; the exception carries the full report.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tables"/> names no table or an unknown one.</exception>
    public static Extract Load(string directory, ExtractTables tables)
    {
        ArgumentOutOfRangeException.ThrowIfZero((int)tables, nameof(tables));
        if ((tables & ~ExtractTables.All) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tables), tables, "not a combination of the extract's tables");
        }

        return LoadCore(directory, null, tables);
    }

    /// <summary>
    /// Reads the rows of <paramref name="municipality"/> from <paramref name="directory"/>: its participants and their
    /// register months and survey responses, in file order. From the extract cache only that municipality's files are
    /// read; without a usable cache the whole extract is read and validated first. Either way the tables are the same.
    /// </summary>
    /// <exception cref="InvalidExtractException">The extract has errors; the exception carries the full report.</exception>
    public static Extract Load(string directory, string municipality)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(municipality);
        return LoadCore(directory, municipality, ExtractTables.All);
    }

    /// <summary>
    /// This extract's rows of <paramref name="municipality"/> (empty tables when it has none), as
    /// <see cref="Load(string, string)"/> reads them.
    /// </summary>
    /// <exception cref="InvalidOperationException">The extract cannot be split by municipality (no participants table, or rows whose person is unknown).</exception>
    public Extract Select(string municipality)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(municipality);
        if (Municipality is not null)
        {
            return Municipality == municipality ? this : throw new InvalidOperationException($"this extract holds only {Municipality}'s rows");
        }

        var split = MunicipalityRows.Of(this);
        if (split.Problem is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var index = split.Municipalities.ToList().IndexOf(municipality);
        return new Extract(Directory, Package, Experiments, Tables.Select(t => t.Take(index < 0 ? [] : split.Rows(t.Name, index))).ToList(), municipality)
        {
            CacheNote = CacheNote,
        };
    }

    internal static Extract FromCache(string directory, DataPackage package, ExperimentCatalog experiments, IReadOnlyList<Table> tables, string? municipality) =>
        new(directory, package, experiments, tables, municipality) { CacheNote = "read from the extract cache" };

    private static Extract LoadCore(string directory, string? municipality, ExtractTables tables)
    {
        var allowExternal = ResourceFiles.ExternalAllowedByDefault;
        if (ExtractCache.TryRead(directory, municipality, tables, allowExternal, out var problem) is { } cached)
        {
            return cached;
        }

        if (problem is not null)
        {
            // A notebook shows this on its error stream: the results are right either way, only slower.
            Console.Error.WriteLine($"{problem}; reading the extract's files instead (research validate rebuilds the cache)");
        }

        var (extract, report) = Read(directory, allowExternalResources: allowExternal);
        if (!report.IsValid || extract is null)
        {
            throw new InvalidExtractException(directory, report);
        }

        extract.CacheNote = problem;
        if (tables != ExtractTables.All)
        {
            extract = new Extract(extract.Directory, extract.Package, extract.Experiments, extract.Tables.Where(t => tables.Includes(t.Name)).ToList())
            {
                CacheNote = problem,
            };
        }

        return municipality is null ? extract : extract.Select(municipality);
    }

    private static (ExtractFingerprint? Fingerprint, string? Problem) Fingerprint(string directory, bool allowExternal)
    {
        try
        {
            return (ExtractFingerprint.Of(directory, allowExternal), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DescriptorException)
        {
            return (null, e.Message);
        }
    }

    private Table? Find(string name) => Tables.FirstOrDefault(t => t.Name == name);
}
