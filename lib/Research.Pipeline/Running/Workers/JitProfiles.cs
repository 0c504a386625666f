using System.Globalization;

namespace Research.Pipeline.Running.Workers;

/// <summary>
/// Where the tool's processes keep the runtime's multicore JIT profiles (<see cref="System.Runtime.ProfileOptimization"/>):
/// the methods a process of one kind (a kind of worker, or <c>research run</c>) compiled last time, which the next such
/// process compiles again on a background thread from the moment it starts, so its notebooks find most of their code
/// compiled instead of waiting for the JIT.
/// </summary>
/// <remarks>
/// <para>
/// A profile changes when code is compiled, never what it computes: the same methods are compiled the same way (fully
/// optimised, or by tier, as <see cref="CodeCompilation"/> says), so every output is byte-identical with a profile, with
/// an old one and without one. A missing, unwritable or unreadable profile costs only the time it would have saved.
/// </para>
/// <para>
/// One profile per kind, since processes of other kinds run other code. The runtime reads a profile when a process
/// starts and writes it when the process stops recording (at exit), to the same file; processes of one kind may run at
/// once (two pipelines, a worker replaced while its twin still runs, two `research run`s), so each records into a copy
/// of its own (<see cref="Begin"/>) and only one that ended cleanly replaces the kept profile with its copy, by renaming
/// it (<see cref="JitProfileRecording.End"/>): no process ever reads a file another is writing.
/// </para>
/// <para>Immutable; safe to use from several threads (each process gets its own file).</para>
/// </remarks>
/// <param name="directory">The directory of the profiles, one per tool build (a profile names methods by their metadata tokens).</param>
public sealed class JitProfiles(string directory)
{
    private const string Extension = ".jitprofile";
    private const string RecordingExtension = ".recording";

    // A process killed before it could end its recording leaves its copy behind; such copies are removed once they are this old.
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(1);

    /// <summary>The directory of the profiles.</summary>
    public string Directory { get; } = directory;

    /// <summary>The kind of profile a worker with <paramref name="key"/>'s settings plays, e.g. <c>precompiled-2</c>.</summary>
    public static string KindOf(JobProcess key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.Create(CultureInfo.InvariantCulture, $"{key.Compilation}-{(key.Processors is { } processors ? processors.ToString(CultureInfo.InvariantCulture) : "all")}").ToLowerInvariant();
    }

    /// <summary>
    /// A file for a new process of <paramref name="kind"/> to play and record, holding the kept profile of that kind if
    /// there is one; null when the directory cannot be written (the process then runs without a profile).
    /// </summary>
    /// <param name="kind">Which code the process runs: a name of letters, digits and hyphens (<see cref="KindOf"/>).</param>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not such a name.</exception>
    public JitProfileRecording? Begin(string kind)
    {
        if (string.IsNullOrEmpty(kind) || !kind.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"'{kind}' is not a profile kind (letters, digits and hyphens)", nameof(kind));
        }

        var kept = Path.Combine(Directory, kind + Extension);
        var path = Path.Combine(Directory, $"{kind}.{Guid.NewGuid():N}{RecordingExtension}");
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
