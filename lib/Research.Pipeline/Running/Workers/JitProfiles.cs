using System.Globalization;

namespace Research.Pipeline.Running.Workers;

/// <summary>
/// Where workers keep the runtime's multicore JIT profiles (<see cref="System.Runtime.ProfileOptimization"/>): the
/// methods a worker of one kind compiled last time, which the next such worker compiles again on a background thread
/// from the moment it starts, so its notebooks find most of their code compiled instead of waiting for the JIT.
/// </summary>
/// <remarks>
/// <para>
/// A profile changes when code is compiled, never what it computes: the same methods are compiled the same way (fully
/// optimised, or by tier, as <see cref="CodeCompilation"/> says), so every output is byte-identical with a profile, with
/// an old one and without one. A missing, unwritable or unreadable profile costs only the time it would have saved.
/// </para>
/// <para>
/// One profile per kind of worker (its <see cref="CodeCompilation"/> and processors), since workers of other kinds run
/// other code. The runtime reads a profile when a worker starts and writes it when the worker exits, to the same file;
/// workers of one kind may run at once (two pipelines, or a worker replaced while its twin still runs), so each records
/// into a copy of its own (<see cref="Begin"/>) and only a worker that ended cleanly replaces the kept profile with its
/// copy, by renaming it (<see cref="JitProfileRecording.End"/>): no worker ever reads a file another is writing.
/// </para>
/// <para>Immutable; safe to use from several threads (each worker gets its own file).</para>
/// </remarks>
/// <param name="directory">The directory of the profiles, one per tool build (a profile names methods by their metadata tokens).</param>
public sealed class JitProfiles(string directory)
{
    private const string Extension = ".jitprofile";
    private const string RecordingExtension = ".recording";

    // A worker killed with its pipeline leaves its copy behind; such copies are removed once they are this old.
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(1);

    /// <summary>The directory of the profiles.</summary>
    public string Directory { get; } = directory;

    /// <summary>
    /// A file for a new worker with <paramref name="key"/>'s settings to play and record, holding the kept profile of
    /// its kind if there is one; null for a worker counting one processor, and when the directory cannot be written
    /// (the worker then runs without a profile).
    /// </summary>
    /// <remarks>
    /// The profile is played on a thread of its own, which pays off only on a processor nobody else needs: the
    /// synthesis's worker counts every processor and runs alone. Workers counting one processor run side by side on
    /// all of them, where the background compiling competed with the other reports (run-all --force at scale 1, five
    /// pairs against the tool before: 13.9–19.6 user-s against 14.3–16.1 and no steadier wall time; with the synthesis's
    /// profile alone 13.9–16.4 user-s against 13.8–15.8, and 8.7–10.6 s against 9.8–11.0 s of wall time, every pair faster).
    /// </remarks>
    public JitProfileRecording? Begin(JobProcess key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Processors is 1)
        {
            return null;
        }

        var kept = Path.Combine(Directory, Name(key) + Extension);
        var path = Path.Combine(Directory, $"{Name(key)}.{Guid.NewGuid():N}{RecordingExtension}");
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            RemoveAbandoned();
            if (File.Exists(kept))
            {
                File.Copy(kept, path);
            }

            return new JitProfileRecording(path, kept);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Name(JobProcess key) =>
        string.Create(CultureInfo.InvariantCulture, $"{key.Compilation}-{(key.Processors is { } processors ? processors.ToString(CultureInfo.InvariantCulture) : "all")}").ToLowerInvariant();

    private void RemoveAbandoned()
    {
        foreach (var file in new DirectoryInfo(Directory).EnumerateFiles("*" + RecordingExtension))
        {
            if (DateTime.UtcNow - file.LastWriteTimeUtc > AbandonedAfter)
            {
                file.Delete();
            }
        }
    }
}
