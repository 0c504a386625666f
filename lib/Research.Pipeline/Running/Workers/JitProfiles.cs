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
/// <para>
/// Each build keeps its profiles in a folder of its own under <c>root</c> (a profile names methods by their metadata
/// tokens, which another build numbers differently). Builds no longer run would leave their folders behind, so only the
/// <see cref="KeptBuilds"/> most recently used are kept: a folder's time is its last use, since every process creates
/// its copy in it. Removing a folder costs a build that still runs only its next process's head start.
/// </para>
/// <para>Immutable; safe to use from several threads (each process gets its own file).</para>
/// </remarks>
public sealed class JitProfiles
{
    /// <summary>How many builds' folders are kept under the root, the most recently used.</summary>
    public const int KeptBuilds = 4;

    private const string Extension = ".jitprofile";
    private const string RecordingExtension = ".recording";

    // A process killed before it could end its recording leaves its copy behind; such copies are removed once they are this old.
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(1);

    private readonly string _root;

    /// <summary>The profiles of one build.</summary>
    /// <param name="root">The directory of every build's profiles (the tool's own: other folders in it are removed).</param>
    /// <param name="build">The build's name (letters and digits, e.g. the start of its <c>LibraryBuildIdentity</c>).</param>
    /// <exception cref="ArgumentException"><paramref name="build"/> is not such a name.</exception>
    public JitProfiles(string root, string build)
    {
        if (string.IsNullOrEmpty(build) || !build.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"'{build}' is not a build name (letters and digits)", nameof(build));
        }

        _root = root;
        Directory = Path.Combine(root, build);
    }

    /// <summary>The directory of this build's profiles.</summary>
    public string Directory { get; }

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
            RemoveUnusedBuilds();
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

    private void RemoveUnusedBuilds()
    {
        var own = Path.GetFullPath(Directory);
        foreach (var folder in new DirectoryInfo(_root).EnumerateDirectories().OrderByDescending(d => d.LastWriteTimeUtc).ThenBy(d => d.Name, StringComparer.Ordinal).Skip(KeptBuilds))
        {
            try
            {
                if (Path.GetFullPath(folder.FullName) != own && (folder.Attributes & FileAttributes.ReparsePoint) == 0)
                {
                    folder.Delete(recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Removed by another process meanwhile, or not ours to remove: this process's profile does not depend on it.
            }
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
