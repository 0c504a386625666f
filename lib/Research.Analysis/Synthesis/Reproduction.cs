using Research.Analysis.Reports;
using Research.Analysis.Results;
using Research.Data;

namespace Research.Analysis.Synthesis;

/// <summary>
/// Re-derives each site's ITT table from the raw extracts with the municipal report's own code and lists every
/// difference from the recorded result file. The recorded files stay what the synthesis pools: a reproduction that
/// disagrees is reported, never silently substituted.
/// </summary>
public static class Reproduction
{
    /// <summary>The differences between each recorded file's <paramref name="table"/> and its re-derivation from <paramref name="extract"/>; empty when all agree.</summary>
    /// <param name="recorded">The municipal result files.</param>
    /// <param name="extract">The raw extracts the municipal runs read.</param>
    /// <param name="table">The table to re-derive (<c>itt_clustered</c> or <c>itt</c>).</param>
    /// <param name="relativeTolerance">See <see cref="ResultComparison.Compare"/>.</param>
    public static IReadOnlyList<ResultDifference> Compare(IEnumerable<ResultFile> recorded, Extract extract, string table = SiteResults.ClusteredIttTable,
        double relativeTolerance = ResultComparison.DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(extract);
        var differences = new List<ResultDifference>();
        foreach (var file in recorded)
        {
            var again = PrimaryOutcomes.Compute(ReportContext.Create(extract, file.Site)).Tables.Single(t => t.Name == table);
            differences.AddRange(ResultComparison.Compare(
                new ResultFile(file.Site, file.Kind, [file[table]]),
                new ResultFile(file.Site, file.Kind, [again]),
                relativeTolerance));
        }

        return differences;
    }
}
