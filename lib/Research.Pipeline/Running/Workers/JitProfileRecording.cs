namespace Research.Pipeline.Running.Workers;

/// <summary>One worker's own copy of a JIT profile (<see cref="JitProfiles.Begin"/>): it plays it and writes it when it exits.</summary>
/// <param name="Path">The file the worker plays and records (<see cref="WorkerProtocol.JitProfileOption"/>).</param>
/// <param name="Kept">The kept profile of the worker's kind, which a clean end replaces.</param>
public sealed record JitProfileRecording(string Path, string Kept)
{
    /// <summary>
    /// After the worker has exited: a worker that ended cleanly (exit code 0, so the runtime wrote its profile whole)
    /// makes its recording the kept profile, by a rename; any other end discards it.
    /// </summary>
    public void End(bool clean)
    {
        try
        {
            if (clean && File.Exists(Path))
            {
                File.Move(Path, Kept, overwrite: true);
            }
            else
            {
                File.Delete(Path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only speed is lost: the next worker starts from the profile kept before.
        }
    }
}
