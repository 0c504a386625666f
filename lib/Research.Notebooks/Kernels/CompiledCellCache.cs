using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Research.Notebooks.Kernels;

/// <summary>
/// C# submissions compiled by earlier runs, kept on disk by a key that covers everything the compiled code depends
/// on, so a notebook run again loads each cell's assembly instead of compiling it (Roslyn's compile and emit is
/// 15-20 ms a cell, and the compiler's own start-up a third of a second before the first one).
/// </summary>
/// <remarks>
/// <para>The key of a submission chains the key of the one before it with the code and file path of its own
/// (<see cref="Next"/>); the first key (<see cref="Root"/>) covers the compiler, the host, every assembly a cell
/// can reach (module version ids and the runtime's trusted assemblies by path, size and time) and the imports. A key
/// therefore names one compiled result. Chains that reference anything else are not kept: the kernel stops keying at
/// the first submission with a NuGet package, an added reference, or a <c>#r</c> or <c>#load</c> directive (whose
/// files, found relative to the notebook, may change between runs). Nothing else a cell compiles to depends on
/// where the notebook is, so a notebook run in another directory (<c>verify</c>'s scratch folder) loads the same cells.</para>
/// <para>An entry is written to a temporary file and renamed into place, so concurrent runs (run-all's workers) never
/// read half an entry; a damaged entry fails its checksum and counts as a miss. The folder holds about
/// <see cref="MaxEntries"/> entries at most: an instance's first write, and every <see cref="TrimInterval"/>th after
/// it, looks in the background (listing a full folder takes 20-30 ms, which a cell must not wait for) and
/// removes the least recently used quarter when there are more (a hit touches its entry). The cache only ever saves time: a failure to read or write it is a miss, never a failed cell. Its entries
/// are code this process loads, so it lives in the user's own data folder, created readable by the user alone.</para>
/// <para>Thread-safe: instances hold no mutable state.</para>
/// </remarks>
internal sealed class CompiledCellCache
{
    /// <summary>The most entries kept (a report notebook has about twenty C# submissions; an entry is 5-30 KB).</summary>
    public const int MaxEntries = 4096;

    /// <summary>How many writes pass between two looks at the folder's size.</summary>
    public const int TrimInterval = 128;

    // Bounds what a read loads: far above any cell's assembly.
    private const long MaxEntryBytes = 64L * 1024 * 1024;

    private const string Extension = ".submission";

    private const string TemporarySuffix = ".tmp";

    // Far longer than any write takes: a temporary file this old has no writer left.
    private static readonly TimeSpan StaleTemporaryAge = TimeSpan.FromHours(1);

    private readonly string _directory;
    private readonly int _maxEntries;
    private readonly bool _trims;

    // The writes so far: the first and every TrimInterval-th trims.
    private int _writes;

    /// <summary>A cache in <paramref name="directory"/> (created on first write).</summary>
    public CompiledCellCache(string directory)
        : this(directory, MaxEntries, trims: true)
    {
    }

    /// <summary>A cache that keeps about <paramref name="maxEntries"/> entries, trimmed by its writes or only by <see cref="Trim"/> (tests).</summary>
    internal CompiledCellCache(string directory, int maxEntries, bool trims)
    {
        _directory = Path.GetFullPath(directory);
        _maxEntries = maxEntries;
        _trims = trims;
    }

    // What Roslyn may bind besides the references given: the framework and the tool's dependencies, each by path, size
    // and time. The runtime fixes this list at start, so it is read once per process (a few milliseconds of file status
    // calls that every kernel, and every report of a run-all worker, paid before).
    private static readonly Lazy<byte[]> PlatformDigest = new(() =>
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var file = new FileInfo(path);
            Append(hash, string.Create(CultureInfo.InvariantCulture, $"{path}|{(file.Exists ? file.Length : -1)}|{(file.Exists ? file.LastWriteTimeUtc.Ticks : 0)}"));
        }

        return hash.GetHashAndReset();
    });

    /// <summary>The key of a chain's first submission: what every compiled cell of the chain depends on besides its code.</summary>
    public static byte[] Root(IEnumerable<Assembly> references, IEnumerable<string> imports)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, "research-cells/1");
        Append(hash, System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
        var compiler = new[] { typeof(Microsoft.CodeAnalysis.Compilation).Assembly, typeof(Microsoft.CodeAnalysis.CSharp.CSharpCompilation).Assembly, typeof(Microsoft.CodeAnalysis.Scripting.Script).Assembly, typeof(CompiledCellCache).Assembly };
        foreach (var assembly in compiler.Concat(references))
        {
            Append(hash, assembly.FullName ?? string.Empty);
            Append(hash, assembly.ManifestModule.ModuleVersionId.ToString("N"));
        }

        hash.AppendData(PlatformDigest.Value);
        foreach (var import in imports)
        {
            Append(hash, import);
        }

        return hash.GetHashAndReset();
    }

    /// <summary>The key of the submission of <paramref name="code"/> (at <paramref name="filePath"/>) after the one keyed <paramref name="previous"/>.</summary>
    public static byte[] Next(byte[] previous, string code, string filePath)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previous);
        Append(hash, filePath);
        Append(hash, code);
        return hash.GetHashAndReset();
    }

    /// <summary>The submission stored under <paramref name="key"/>, or null.</summary>
    public CompiledSubmission? TryLoad(byte[] key)
    {
        var path = PathOf(key);
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists || file.Length > MaxEntryBytes)
            {
                return null;
            }

            var submission = CompiledSubmission.FromBytes(File.ReadAllBytes(path));
            if (submission is not null)
            {
                Touch(path);
            }

            return submission;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Keeps <paramref name="submission"/> under <paramref name="key"/>.</summary>
    public void Store(byte[] key, CompiledSubmission submission)
    {
        var path = PathOf(key);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + TemporarySuffix;
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(_directory);
            }
            else
            {
                Directory.CreateDirectory(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            File.WriteAllBytes(temporary, submission.ToBytes());
            File.Move(temporary, path, overwrite: true);
            if (_trims && Interlocked.Increment(ref _writes) % TrimInterval == 1)
            {
                _ = Task.Run(Trim);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
        }
    }

    private string PathOf(byte[] key) => Path.Combine(_directory, Convert.ToHexStringLower(key) + Extension);

    /// <summary>
    /// Removes the least recently used entries down to three quarters of the bound once the folder holds more, and
    /// temporary files an hour old (left by a process killed between writing an entry and renaming it into place).
    /// </summary>
    internal void Trim()
    {
        FileInfo[] entries;
        try
        {
            var folder = new DirectoryInfo(_directory);
            foreach (var stale in folder.GetFiles("*" + Extension + ".*" + TemporarySuffix).Where(f => f.LastWriteTimeUtc < DateTime.UtcNow - StaleTemporaryAge))
            {
                TryDelete(stale.FullName);
            }

            entries = folder.GetFiles("*" + Extension);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        if (entries.Length <= _maxEntries)
        {
            return;
        }

        foreach (var entry in entries.OrderBy(e => e.LastWriteTimeUtc).Take(entries.Length - (_maxEntries * 3 / 4)))
        {
            TryDelete(entry.FullName);
        }
    }

    // Marks an entry as used, for the trim; a cache one may read but not write (shared, read-only) still serves hits.
    private static void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only the order of removal suffers.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another run removed or holds it; the next trim tries again.
        }
    }

    private static void Append(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
