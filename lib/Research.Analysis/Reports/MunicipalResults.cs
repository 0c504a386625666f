using Research.Analysis.Results;

namespace Research.Analysis.Reports;

/// <summary>Assembles and saves the result file of a municipal report (<c>{output}/{municipality}.results.json</c>).</summary>
public static class MunicipalResults
{
    /// <summary>The report kind in result files.</summary>
    public const string Kind = "municipal";

    /// <summary>The result file of <paramref name="municipality"/> with <paramref name="tables"/> in report order.</summary>
    /// <exception cref="ArgumentException">Two tables share a name.</exception>
    public static ResultFile Create(string municipality, IEnumerable<ResultTable> tables)
    {
        var list = tables.ToList();
        var duplicate = list.GroupBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"result table '{duplicate.Key}' appears {duplicate.Count()} times", nameof(tables));
        }

        return new ResultFile(municipality, Kind, list);
    }

    /// <summary>
    /// Writes the result file into <paramref name="outputDirectory"/> (created if needed) and returns its path relative
    /// to the current directory (a notebook shows it, and no machine path may reach a published output).
    /// </summary>
    public static string Save(string outputDirectory, string municipality, IEnumerable<ResultTable> tables)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        var directory = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, ResultFile.FileNameFor(municipality));
        Create(municipality, tables).Save(path);
        return Path.GetRelativePath(Directory.GetCurrentDirectory(), path).Replace('\\', '/');
    }
}
