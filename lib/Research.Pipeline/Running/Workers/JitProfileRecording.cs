namespace Research.Pipeline.Running.Workers;

/// <summary>One process's own copy of a JIT profile (<see cref="JitProfiles.Begin"/>): it plays it and writes it when it stops recording.</summary>
/// <param name="Path">The file the process plays and records (for a worker, after <see cref="WorkerProtocol.JitProfileOption"/>).</param>
/// <param name="Kept">The kept profile of the process's kind, which a clean end replaces.</param>
public sealed record JitProfileRecording(string Path, string Kept)
{
    /// <summary>
    /// After the process stopped recording: one that ended cleanly (a worker that exited with 0, a run that stopped its
    /// recording, so the runtime wrote the profile whole) makes its recording the kept profile, by a rename; any other
    /// end discards it.
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
