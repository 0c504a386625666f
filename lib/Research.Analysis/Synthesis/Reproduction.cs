using Research.Analysis.Reports;
using Research.Analysis.Results;
using Research.Data;

namespace Research.Analysis.Synthesis;

/// <summary>
/// Re-derives each site's result file from the raw extracts with the municipal report itself
/// (<see cref="MunicipalReport"/>) and lists every difference from the recorded file. The recorded files stay what the
/// synthesis pools: a reproduction that disagrees is reported, never silently substituted.
/// </summary>
public static class Reproduction
{
    /// <summary>
    /// The differences between each recorded file and its re-derivation from <paramref name="extract"/>, in every table
    /// (or only <paramref name="table"/>); empty when all agree.
    /// </summary>
    /// <param name="recorded">The municipal result files.</param>
    /// <param name="extract">The raw extracts the municipal runs read.</param>
    /// <param name="table">One table to compare, or null for all.</param>
    /// <param name="relativeTolerance">See <see cref="ResultComparison.Compare"/>.</param>
    public static IReadOnlyList<ResultDifference> Compare(IEnumerable<ResultFile> recorded, Extract extract, string? table = null,
        double relativeTolerance = ResultComparison.DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(extract);
        var differences = new List<ResultDifference>();
        foreach (var file in recorded)
        {
            var again = MunicipalReport.Compute(ReportContext.Create(extract, file.Site)).ToResultFile();
            differences.AddRange(table is null
                ? ResultComparison.Compare(file, again, relativeTolerance)
                : ResultComparison.Compare(file with { Tables = [file[table]] }, again with { Tables = [again[table]] }, relativeTolerance));
        }

        return differences;
    }
}
