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
    /// <remarks>
    /// Two files of the same bytes hold the same numbers, so they are not parsed and compared: a run reproduced on the
    /// same build writes its results byte for byte (the project's promise), and reading two files of tens of thousands
    /// of values per report was most of what <c>verify</c> added to a run. A reproduced file has been read already: the
    /// pipeline fails a job whose result file <see cref="Problem"/> refuses, so bytes equal to it are a result file too.
    /// </remarks>
    public static IReadOnlyList<string> Differences(string recorded, string? reproduced, double relativeTolerance)
    {
        var bytes = File.ReadAllBytes(recorded);
        if (reproduced is not null && File.Exists(reproduced) && bytes.AsSpan().SequenceEqual(File.ReadAllBytes(reproduced)))
        {
            return [];
        }

        var before = ResultFile.Load(recorded);
        return reproduced is null || !File.Exists(reproduced)
            ? [new ResultDifference(before.Site, "*", null, null, null, null, "the re-execution wrote no result file").ToString()]
            : ResultComparison.Compare(before, ResultFile.Load(reproduced), relativeTolerance).Select(d => d.ToString()).ToList();
    }
}
