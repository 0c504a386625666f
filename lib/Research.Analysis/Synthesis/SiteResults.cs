using Research.Analysis.Results;

namespace Research.Analysis.Synthesis;

/// <summary>Reads the result files the municipal runs wrote: the synthesis pools what was reported, it does not re-estimate.</summary>
public static class SiteResults
{
    /// <summary>The table the synthesis pools: ITT effects with standard errors clustered by caseworker (CR2).</summary>
    public const string ClusteredIttTable = "itt_clustered";

    /// <summary>Every municipal result file (<c>*.results.json</c> of kind <c>municipal</c>) in <paramref name="directory"/>, ordered by site.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="InvalidDataException">No municipal result file is there, or one cannot be read.</exception>
    public static IReadOnlyList<ResultFile> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"the results directory {Path.GetFullPath(directory)} does not exist; run the municipal reports first");
        }

        var files = Directory.EnumerateFiles(directory, ResultFile.FileNameFor("*"))
            .Order(StringComparer.Ordinal)
            .Select(ResultFile.Load)
            .Where(f => f.Kind == Reports.MunicipalReport.Kind)
            .OrderBy(f => f.Site, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new InvalidDataException($"{Path.GetFullPath(directory)} holds no municipal result file ({ResultFile.FileNameFor("<municipality>")} of kind 'municipal')");
        }

        return files;
    }

    /// <summary>The estimates of table <paramref name="table"/> of every file, in file and row order.</summary>
    /// <exception cref="KeyNotFoundException">A file lacks the table.</exception>
    /// <exception cref="InvalidDataException">A row lacks a label the synthesis needs.</exception>
    public static IReadOnlyList<SiteEstimate> Estimates(IEnumerable<ResultFile> files, string table = ClusteredIttTable)
    {
        ArgumentNullException.ThrowIfNull(files);
        return files.SelectMany(f => f[table].Rows.Select(r => SiteEstimate.FromRow(f.Site, r))).ToList();
    }
}
