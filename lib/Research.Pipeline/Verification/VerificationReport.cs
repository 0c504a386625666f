namespace Research.Pipeline.Verification;

/// <summary>
/// What <c>research verify</c> found, in three separate lists: outputs that are no longer the bytes the run recorded
/// (edited or missing reports), inputs that changed (then nothing is re-executed), and numbers the re-execution did
/// not reproduce.
/// </summary>
/// <param name="ChangedOutputs">One line per recorded output that is missing or has other bytes.</param>
/// <param name="ChangedInputs">One line per input or notebook that differs from the record.</param>
/// <param name="Differences">One line per result number that was not reproduced.</param>
/// <param name="ResultFiles">How many result files were compared.</param>
/// <param name="ReexecutionFailed">Whether the re-execution itself failed (its messages are in the log).</param>
public sealed record VerificationReport(
    IReadOnlyList<string> ChangedOutputs, IReadOnlyList<string> ChangedInputs, IReadOnlyList<string> Differences, int ResultFiles, bool ReexecutionFailed)
{
    /// <summary>Whether every output is as recorded and every number was reproduced.</summary>
    public bool Verified => ChangedOutputs.Count == 0 && ChangedInputs.Count == 0 && Differences.Count == 0 && !ReexecutionFailed;
}
