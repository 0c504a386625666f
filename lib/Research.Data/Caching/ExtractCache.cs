using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Research.Data.Design;
using Research.Data.FileSystem;
using Research.Data.Schema;
using Research.Data.Tables;

namespace Research.Data.Caching;

/// <summary>
/// The columnar cache of a validated extract: <c>EXTRACT/.research-cache/KEY/</c> holds one Parquet file per
/// municipality and table (<c>MUNICIPALITY/TABLE.parquet</c>) and a manifest, where KEY is the
/// <see cref="ExtractFingerprint"/> of every file of the extract. Validation writes it; loading a municipality reads only
/// that municipality's files. Nothing in it is trusted: a reader hashes the extract's files again, and an entry for other
/// files, of another format or build, or whose partition bytes do not match the manifest is ignored with a message and
/// the extract's own files are read instead.
/// </summary>
/// <remarks>
/// The cache lies beside the data it copies (microdata must not spread to other folders), in its own directory, which no
/// input may lie in; an entry is written in a temporary directory and renamed into place, so a reader sees a whole entry
/// or none, and concurrent writers cannot mix their files. Only the newest entry is kept.
/// </remarks>
public static partial class ExtractCache
{
    /// <summary>The cache's directory inside an extract directory.</summary>
    public const string DirectoryName = ".research-cache";

    private const string TemporaryPrefix = ".tmp-";

    /// <summary>
    /// Writes the cache of <paramref name="extract"/>, validated from files whose hashes are <paramref name="fingerprint"/>
    /// (taken before reading them), unless an intact entry for them exists. Never throws for a directory it cannot
    /// write: the returned sentence says what happened (for the terminal; it holds no absolute path).
    /// </summary>
    internal static string Write(Extract extract, ExtractFingerprint fingerprint)
    {
        var root = Path.Combine(extract.Directory, DirectoryName);
        string? temporary = null;
        try
        {
            if (Refusal(root, fingerprint) is { } refusal)
            {
                return $"extract cache not written: {refusal}";
            }

            var split = MunicipalityRows.Of(extract);
            if (split.Problem is { } problem)
            {
                return $"extract cache not written: {problem}";
            }

            var entry = Path.Combine(root, fingerprint.Key);
            if (Directory.Exists(entry) && Check(entry, fingerprint) is null)
            {
                return $"extract cache up to date ({Describe(fingerprint)})";
            }

            Directory.CreateDirectory(root);
            temporary = Path.Combine(root, TemporaryPrefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(temporary);
            // Municipalities are written at once (each file on its own is sequential work); the manifest lists them in
            // order whatever finishes first.
            var directory = temporary;
            var written = Enumerable.Range(0, split.Municipalities.Count).Select(m => Task.Run(() =>
            {
                var folder = FolderName(split.Municipalities[m], m);
                Directory.CreateDirectory(Path.Combine(directory, folder));
                var own = new List<CachedPartition>();
                foreach (var table in extract.Tables)
                {
                    var rows = split.Rows(table.Name, m);
                    var file = folder + "/" + table.Name + ".parquet";
                    var path = Path.Combine(directory, file);
                    PartitionFile.Write(table, rows, path);
                    own.Add(new CachedPartition(split.Municipalities[m], table.Name, file, rows.Length, CacheDigest.OfFile(path)));
                }

                return own;
            })).ToArray();
            var partitions = Task.WhenAll(written).GetAwaiter().GetResult().SelectMany(own => own).ToList();

            var manifest = new CacheManifest
            {
                Format = ExtractFingerprint.Format,
                Build = ExtractFingerprint.Build,
                Key = fingerprint.Key,
                Inputs = fingerprint.Inputs,
                Partitions = partitions,
            };
            File.WriteAllText(Path.Combine(temporary, CacheManifest.FileName), manifest.ToJson());
            if (!fingerprint.Unchanged())
            {
                return "extract cache not written: a file of the extract changed while it was being validated";
            }

            if (Directory.Exists(entry))
            {
                Remove(entry); // a damaged entry for these very files
            }

            Directory.Move(temporary, entry);
            temporary = null;
            RemoveOthers(root, fingerprint.Key);
            var bytes = partitions.Sum(p => new FileInfo(Path.Combine(entry, p.File)).Length);
            return string.Create(CultureInfo.InvariantCulture,
                $"wrote the extract cache ({Describe(fingerprint)}: {split.Municipalities.Count} municipalities, {bytes / 1e6:F1} MB of Parquet)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DescriptorException)
        {
            return $"extract cache not written: {e.Message}";
        }
        finally
        {
            if (temporary is not null && Directory.Exists(temporary))
            {
                Remove(temporary);
            }
        }
    }

    /// <summary>
    /// Reads <paramref name="tables"/> of the extract of <paramref name="directory"/> (only <paramref name="municipality"/>'s
    /// rows when given) from an intact cache entry for its current files. Returns null with <paramref name="problem"/>
    /// null when there is no cache, and null with a sentence when a cache exists but cannot be used.
    /// </summary>
    internal static Extract? TryRead(string directory, string? municipality, ExtractTables tables, bool allowExternal, out string? problem)
    {
        problem = null;
        var root = Path.Combine(directory, DirectoryName);
        if (!Directory.Exists(root))
        {
            return null;
        }

        try
        {
            if (new DirectoryInfo(root).LinkTarget is not null)
            {
                problem = $"{DirectoryName} is a symbolic link, so it is not read";
                return null;
            }

            var fingerprint = ExtractFingerprint.Of(directory, allowExternal);
            var entry = Path.Combine(root, fingerprint.Key);
            if (!Directory.Exists(entry))
            {
                problem = Stale(root, fingerprint);
                return null;
            }

            var manifest = CacheManifest.Parse(File.ReadAllText(Path.Combine(entry, CacheManifest.FileName)));
            if (Mismatch(manifest, fingerprint) is { } mismatch)
            {
                problem = $"the extract cache entry {Short(fingerprint.Key)} is not one this build wrote for these files ({mismatch})";
                return null;
            }

            var package = DataPackage.ForDirectory(directory);
            var experiments = ExperimentCatalog.ForDirectory(directory);
            // The tables are read at once (a report's participants and survey responses need not wait for its register).
            var reads = new List<Task<Table>>();
            foreach (var resource in package.Resources.Where(r => tables.Includes(r.Name)))
            {
                var parts = manifest.Partitions.Where(p => p.Table == resource.Name && (municipality is null || p.Municipality == municipality)).ToList();
                if (parts.Count == 0 && !manifest.Partitions.Any(p => p.Table == resource.Name))
                {
                    continue; // the extract had no such table
                }

                var sourceFile = ResourceFiles.Locate(resource, directory, allowExternal);
                reads.Add(Task.Run(() =>
                {
                    var table = PartitionFile.Read(resource, sourceFile, parts.Sum(p => p.Rows), parts.Select(p => (Func<byte[]>)(() => Verified(entry, p))).ToList());
                    return municipality is null ? InFileOrder(table) : table;
                }));
            }

            return Extract.FromCache(directory, package, experiments, [.. Task.WhenAll(reads).GetAwaiter().GetResult()], municipality);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or JsonException or DescriptorException
            or NotSupportedException or InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException)
        {
            problem = $"the extract cache is damaged ({e.Message})";
            return null;
        }
    }

    /// <summary>
    /// The Parquet files of the intact cache entry for the current files of <paramref name="directory"/>, per table (in
    /// the data package's order) and municipality, each checked against its recorded digest, for other engines (DuckDB)
    /// to read. Columns named <c>_row</c> and <c>_missing_…</c> are the cache's own bookkeeping.
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no intact cache for these files; the message says why and how to write it.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> VerifiedFiles(string directory, bool allowExternal)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        string? problem;
        try
        {
            var root = Path.Combine(full, DirectoryName);
            if (!Directory.Exists(root) || new DirectoryInfo(root).LinkTarget is not null)
            {
                problem = $"there is no extract cache in {directory}";
            }
            else
            {
                var fingerprint = ExtractFingerprint.Of(full, allowExternal);
                var entry = Path.Combine(root, fingerprint.Key);
                problem = !Directory.Exists(entry) ? Stale(root, fingerprint) : Check(entry, fingerprint);
                if (problem is null)
                {
                    var manifest = CacheManifest.Parse(File.ReadAllText(Path.Combine(entry, CacheManifest.FileName)));
                    return manifest.Partitions.GroupBy(p => p.Table, StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => Path.Combine(entry, p.File)).ToList(), StringComparer.Ordinal);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DescriptorException or JsonException)
        {
            problem = e.Message;
        }

        throw new InvalidOperationException($"{problem}; run research validate on the extract directory to write its cache");
    }

    // Why the cache may not be written at all: it would lie over or around an input, or be redirected by a link.
    private static string? Refusal(string root, ExtractFingerprint fingerprint)
    {
        if (File.Exists(root))
        {
            return $"{DirectoryName} is a file of the extract";
        }

        if (Directory.Exists(root) && new DirectoryInfo(root).LinkTarget is not null)
        {
            return $"{DirectoryName} is a symbolic link";
        }

        return fingerprint.Stamps.FirstOrDefault(s => RealPath.IsWithin(s.FullPath, root)) is { FullPath: { } inside }
            ? $"the input {Path.GetFileName(inside)} lies in {DirectoryName}"
            : null;
    }

    // Null when the entry's manifest and every partition's bytes are as written for these files.
    private static string? Check(string entry, ExtractFingerprint fingerprint)
    {
        try
        {
            var manifest = CacheManifest.Parse(File.ReadAllText(Path.Combine(entry, CacheManifest.FileName)));
            if (Mismatch(manifest, fingerprint) is { } mismatch)
            {
                return mismatch;
            }

            foreach (var partition in manifest.Partitions)
            {
                Verified(entry, partition);
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or JsonException)
        {
            return e.Message;
        }
    }

    private static string? Mismatch(CacheManifest manifest, ExtractFingerprint fingerprint)
    {
        if (manifest.Format != ExtractFingerprint.Format)
        {
            return $"format {manifest.Format}";
        }

        if (manifest.Build != ExtractFingerprint.Build)
        {
            return "written by another build of the tool";
        }

        if (manifest.Key != fingerprint.Key || !manifest.Inputs.SequenceEqual(fingerprint.Inputs))
        {
            return "its manifest names other files";
        }

        return manifest.Partitions.Any(p => !SafeFile().IsMatch(p.File)) ? "its manifest names a file outside the entry" : null;
    }

    // The partition's bytes, checked against the manifest before a byte is parsed.
    private static byte[] Verified(string entry, CachedPartition partition)
    {
        var bytes = File.ReadAllBytes(Path.Combine(entry, partition.File));
        return CacheDigest.Of(bytes) == partition.Digest
            ? bytes
            : throw new InvalidDataException($"{partition.File} does not match the digest its manifest records");
    }

    // A table read from several partitions has their rows one after another; put them back in the file's order.
    private static Table InFileOrder(Table table)
    {
        var order = new int[table.RowCount];
        var ascending = true;
        for (var row = 0; row < table.RowCount; row++)
        {
            var position = table.FilePosition(row);
            if ((uint)position >= (uint)order.Length)
            {
                throw new InvalidDataException($"the cached {table.Name} table names row {position} of a file of {order.Length} rows");
            }

            order[position] = row;
            ascending &= position == row;
        }

        return ascending ? table : table.Take(order);
    }

    // Says which files differ from the newest entry the cache holds, if any.
    private static string Stale(string root, ExtractFingerprint fingerprint)
    {
        var other = Directory.EnumerateDirectories(root).Where(d => EntryName().IsMatch(Path.GetFileName(d))).FirstOrDefault();
        if (other is null)
        {
            return "the extract cache holds no entry for these files";
        }

        try
        {
            var manifest = CacheManifest.Parse(File.ReadAllText(Path.Combine(other, CacheManifest.FileName)));
            var differences = ExtractFingerprint.Differences(manifest.Inputs, fingerprint.Inputs);
            return differences.Count > 0
                ? $"the extract cache was written for other files ({string.Join(", ", differences)})"
                : $"the extract cache was written by another build of the tool or in another format";
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return "the extract cache holds no readable entry for these files";
        }
    }

    private static void RemoveOthers(string root, string key)
    {
        foreach (var directory in Directory.EnumerateDirectories(root))
        {
            var name = Path.GetFileName(directory);
            var stale = (EntryName().IsMatch(name) && name != key)
                || (name.StartsWith(TemporaryPrefix, StringComparison.Ordinal) && Directory.GetLastWriteTimeUtc(directory) < DateTime.UtcNow.AddDays(-1));
            if (stale)
            {
                Remove(directory);
            }
        }
    }

    // A directory is first renamed aside, so nobody reads half of a removed entry.
    private static void Remove(string directory)
    {
        try
        {
            var aside = Path.Combine(Path.GetDirectoryName(directory)!, TemporaryPrefix + "removed-" + Guid.NewGuid().ToString("N"));
            Directory.Move(directory, aside);
            Directory.Delete(aside, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process removed or renamed it first; what is left is cleaned up by the next write.
        }
    }

    private static string FolderName(string municipality, int index) =>
        FolderSafe().IsMatch(municipality) ? municipality : string.Create(CultureInfo.InvariantCulture, $"municipality-{index}");

    private static string Describe(ExtractFingerprint fingerprint) => $"{DirectoryName}/{Short(fingerprint.Key)}";

    private static string Short(string key) => key[..12] + "…";

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex EntryName();

    [GeneratedRegex("^[a-z0-9_-]{1,64}$")]
    private static partial Regex FolderSafe();

    [GeneratedRegex("^[a-z0-9_-]{1,64}/[a-z0-9_-]{1,64}\\.parquet$")]
    private static partial Regex SafeFile();
}
