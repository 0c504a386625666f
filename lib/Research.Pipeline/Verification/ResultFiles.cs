using Research.Analysis.Results;

namespace Research.Pipeline.Verification;

/// <summary>The pipeline's one use of the result-file format: check that a run wrote a readable file, and compare two files.</summary>
public static class ResultFiles
{
    /// <summary>Why the result file at <paramref name="path"/> cannot be read, or null when it can.</summary>
    public static string? Problem(string path)
    {
        try
        {
            ResultFile.Load(path);
            return null;
        }
        catch (InvalidDataException e)
        {
            return e.Message;
        }
    }

    /// <summary>Every number of <paramref name="recorded"/> that <paramref name="reproduced"/> does not reproduce (both paths of result files).</summary>
    /// <exception cref="InvalidDataException">A file is not a result file.</exception>
    public static IReadOnlyList<string> Differences(string recorded, string? reproduced, double relativeTolerance)
    {
        var before = ResultFile.Load(recorded);
        return reproduced is null || !File.Exists(reproduced)
            ? [new ResultDifference(before.Site, "*", null, null, null, null, "the re-execution wrote no result file").ToString()]
            : ResultComparison.Compare(before, ResultFile.Load(reproduced), relativeTolerance).Select(d => d.ToString()).ToList();
    }
}
