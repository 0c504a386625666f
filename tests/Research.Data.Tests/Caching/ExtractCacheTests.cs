using Parquet;
using Parquet.Schema;
using Research.Data.Caching;

namespace Research.Data.Tests.Caching;

/// <summary>
/// The extract cache: the same typed tables as the files, per municipality only that municipality's rows, and never
/// trusted when a file changed, appeared or disappeared, or when the cache itself is damaged or foreign.
/// </summary>
public sealed class ExtractCacheTests
{
    [Fact]
    public void Validation_writes_the_cache_and_an_intact_one_is_kept()
    {
        var dir = CachedCopy();
        Assert.True(Directory.Exists(Path.Combine(dir, ExtractCache.DirectoryName)));
        var (again, _) = Extract.Read(dir, writeCache: true);
        Assert.StartsWith("extract cache up to date", again!.CacheNote, StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_extract_from_the_cache_equals_the_files()
    {
        var dir = CachedCopy();
        var files = FromFiles(dir);
        Assert.True(ExtractCache.TryRead(dir, null, ExtractTables.All, allowExternal: false, out var problem) is not null, problem);
        var cached = Extract.Load(dir);
        Assert.Equal("read from the extract cache", cached.CacheNote);
        AssertSameTables(files, cached);
    }

    [Fact]
    public void Each_municipality_from_the_cache_equals_its_rows_of_the_files_and_holds_nothing_else()
    {
        var dir = CachedCopy();
        var files = FromFiles(dir);
        var municipalities = files.Participants!.Strings("municipality").Levels;
        Assert.True(municipalities.Count >= 6);
        var total = 0;
        foreach (var municipality in municipalities)
        {
            var cached = Extract.Load(dir, municipality);
            Assert.Equal("read from the extract cache", cached.CacheNote);
            Assert.Equal(municipality, cached.Municipality);
            AssertSameTables(files.Select(municipality), cached);
            Assert.All(Enumerable.Range(0, cached.Participants!.RowCount), r => Assert.Equal(municipality, cached.Participants.Strings("municipality")[r]));
            var people = cached.Participants.Strings("person_id").Levels.ToHashSet(StringComparer.Ordinal);
            Assert.All(cached.RegisterMonths!.Strings("person_id").Levels, id => Assert.Contains(id, people));
            Assert.All(cached.SurveyResponses!.Strings("person_id").Levels, id => Assert.Contains(id, people));
            total += cached.RegisterMonths.RowCount;
        }

        Assert.Equal(files.RegisterMonths!.RowCount, total);
    }

    [Theory]
    [InlineData("participants")]
    [InlineData("register_months")]
    [InlineData("survey_responses")]
    public void Partitions_of_many_row_groups_read_at_once_give_the_table_read_one_row_after_another(string name)
    {
        // Three partitions of uneven size in row groups of a fortieth of the table: dozens of groups read side by side,
        // each coding its text on its own, must give the same values, missing tokens and text codes (order of first
        // appearance).
        var table = FromFiles(TestExtract.ValidDirectory).Tables.Single(t => t.Name == name);
        var cuts = new[] { 0, table.RowCount / 5, table.RowCount / 2, table.RowCount };
        var directory = Directory.CreateTempSubdirectory("research-partitions-").FullName;
        var parts = new List<Func<byte[]>>();
        for (var p = 0; p < 3; p++)
        {
            var path = Path.Combine(directory, $"{p}.parquet");
            PartitionFile.Write(table, [.. Enumerable.Range(cuts[p], cuts[p + 1] - cuts[p])], path, rowGroupSize: Math.Max(3, table.RowCount / 40));
            parts.Add(() => File.ReadAllBytes(path));
        }

        Assert.True(table.RowCount >= 120, "too few rows for many groups");
        TableAssert.Same(table, PartitionFile.Read(table.Resource, table.File, table.RowCount, parts));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void Only_the_tables_asked_for_are_loaded_from_the_cache_or_the_files()
    {
        var dir = CachedCopy();
        var files = FromFiles(dir);
        var cached = Extract.Load(dir, ExtractTables.Register);
        Assert.Equal("read from the extract cache", cached.CacheNote);
        Assert.Equal(["participants", "register_months"], cached.Tables.Select(t => t.Name));
        TableAssert.Same(files.Participants!, cached.Participants!);
        TableAssert.Same(files.RegisterMonths!, cached.RegisterMonths!);

        var plain = TestExtract.Copy();
        var uncached = Extract.Load(plain, ExtractTables.SurveyResponses);
        Assert.Null(uncached.CacheNote);
        TableAssert.Same(FromFiles(plain).SurveyResponses!, Assert.Single(uncached.Tables));

        Assert.Throws<ArgumentOutOfRangeException>(() => Extract.Load(dir, (ExtractTables)0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Extract.Load(dir, (ExtractTables)8));
    }

    [Fact]
    public void The_per_municipality_rows_of_the_files_keep_their_file_row_numbers()
    {
        var files = FromFiles(TestExtract.ValidDirectory);
        var municipality = files.Participants!.Strings("municipality")[files.Participants.RowCount - 1]!;
        var selected = files.Select(municipality).Participants!;
        var last = selected.RowCount - 1;
        Assert.Equal(files.Participants.RowCount + 1, selected.FileRowNumber(last));
    }

    [Theory]
    [InlineData("participants.csv", "participants changed")]
    [InlineData("register_months.csv", "register_months changed")]
    [InlineData("survey_responses.csv", "survey_responses changed")]
    [InlineData("truth.json", "truth.json changed")]
    public void A_changed_file_invalidates_the_cache(string file, string named)
    {
        var dir = CachedCopy();
        var path = Path.Combine(dir, file);
        // Windows line ends: other bytes, the same valid content.
        File.WriteAllText(path, File.ReadAllText(path).Replace("\n", "\r\n", StringComparison.Ordinal));
        AssertIgnored(dir, named);
        var (rebuilt, report) = Extract.Read(dir, writeCache: true);
        Assert.True(report.IsValid);
        Assert.StartsWith("wrote the extract cache", rebuilt!.CacheNote, StringComparison.Ordinal);
        Assert.Equal("read from the extract cache", Extract.Load(dir).CacheNote);
        Assert.Single(Directory.GetDirectories(Path.Combine(dir, ExtractCache.DirectoryName)));
    }

    [Fact]
    public void One_changed_byte_invalidates_the_cache_though_the_length_and_time_are_the_old_ones()
    {
        var dir = CachedCopy();
        var path = Path.Combine(dir, "register_months.csv");
        var written = File.GetLastWriteTimeUtc(path);
        var bytes = File.ReadAllBytes(path);
        var digit = Array.FindLastIndex(bytes, b => b is >= (byte)'1' and <= (byte)'8');
        bytes[digit]++;
        File.WriteAllBytes(path, bytes);
        File.SetLastWriteTimeUtc(path, written);
        AssertIgnored(dir, "register_months changed");
    }

    [Fact]
    public void An_added_file_invalidates_the_cache()
    {
        var dir = CachedCopy();
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "added after validation");
        AssertIgnored(dir, "notes.txt was added");
    }

    [Fact]
    public void A_removed_file_invalidates_the_cache()
    {
        var dir = CachedCopy();
        File.Delete(Path.Combine(dir, "truth.json"));
        AssertIgnored(dir, "truth.json was removed");
    }

    [Fact]
    public void A_damaged_partition_is_never_trusted_and_validation_rebuilds_it()
    {
        var dir = CachedCopy();
        var partition = Directory.GetFiles(Path.Combine(dir, ExtractCache.DirectoryName), "register_months.parquet", SearchOption.AllDirectories)[0];
        var bytes = File.ReadAllBytes(partition);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(partition, bytes);
        var municipality = Path.GetFileName(Path.GetDirectoryName(partition))!;
        Assert.Null(ExtractCache.TryRead(dir, municipality, ExtractTables.All, allowExternal: false, out var problem));
        Assert.Contains("damaged", problem, StringComparison.Ordinal);
        var fallback = Extract.Load(dir, municipality);
        Assert.Contains("damaged", fallback.CacheNote, StringComparison.Ordinal);
        AssertSameTables(FromFiles(dir).Select(municipality), fallback);
        Assert.StartsWith("wrote the extract cache", Extract.Read(dir, writeCache: true).Extract!.CacheNote, StringComparison.Ordinal);
        Assert.NotNull(ExtractCache.TryRead(dir, municipality, ExtractTables.All, allowExternal: false, out _));
    }

    [Fact]
    public void A_foreign_or_garbled_manifest_is_ignored()
    {
        var dir = CachedCopy();
        var manifest = Directory.GetFiles(Path.Combine(dir, ExtractCache.DirectoryName), CacheManifest.FileName, SearchOption.AllDirectories)[0];
        var text = File.ReadAllText(manifest);
        File.WriteAllText(manifest, text.Replace(ExtractFingerprint.Build, new string('0', 32), StringComparison.Ordinal));
        Assert.Null(ExtractCache.TryRead(dir, null, ExtractTables.All, allowExternal: false, out var problem));
        Assert.Contains("another build", problem, StringComparison.Ordinal);
        File.WriteAllText(manifest, "{ not json");
        Assert.Null(ExtractCache.TryRead(dir, null, ExtractTables.All, allowExternal: false, out problem));
        Assert.Contains("damaged", problem, StringComparison.Ordinal);
        AssertSameTables(FromFiles(dir), Extract.Load(dir));
    }

    [Fact]
    public async Task A_partition_with_a_nested_column_is_refused_even_when_its_manifest_vouches_for_it()
    {
        // The raw reading copies a column's values and definition levels as they are; a repeated column (a list per row)
        // would put several values in one row's place. This library never writes one, so it is damage, not data.
        var dir = CachedCopy();
        var partition = Directory.GetFiles(Path.Combine(dir, ExtractCache.DirectoryName), "participants.parquet", SearchOption.AllDirectories)[0];
        var rows = new[] { 0, 1 };
        var position = new DataField<int>(PartitionFile.RowColumn);
        var repeated = new DataField(PartitionFile.CodePrefix + "person_id", typeof(int), isNullable: false, isArray: true);
        await using (var stream = File.Create(partition))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(position, repeated), stream))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<int>(position, rows.AsMemory());
            await group.WriteAsync<int>(repeated, new[] { 0, 1, 0, 1 }.AsMemory(), new[] { 0, 1, 0, 1 }.AsMemory());
        }

        var municipality = Vouch(partition, rows.Length);

        Assert.Null(ExtractCache.TryRead(dir, municipality, ExtractTables.All, allowExternal: false, out var problem));
        Assert.Contains("damaged (the cached column _code_person_id is not a flat column)", problem, StringComparison.Ordinal);
        AssertSameTables(FromFiles(dir).Select(municipality), Extract.Load(dir, municipality));
    }

    [Theory]
    [InlineData("[\"a\"]", 5, "has code 5 for a list of 1 values")]
    [InlineData("[\"a\"]", -2, "has code -2 for a list of 1 values")]
    [InlineData("[\"a\", 7]", 0, "holds something other than text")]
    [InlineData("{\"a\": 1}", 0, "is not a JSON array")]
    [InlineData("[\"a\"", 0, "is not valid JSON")]
    [InlineData(null, 0, "does not list its values")]
    public async Task A_text_column_whose_codes_and_values_disagree_is_refused_even_when_its_manifest_vouches_for_it(string? levels, int code, string expected)
    {
        // A text field is read from its codes and its row group's list of values: a code outside the list, or a list
        // that is not a JSON array of strings, is damage; the extract is then read from its files.
        var dir = CachedCopy();
        var partition = Directory.GetFiles(Path.Combine(dir, ExtractCache.DirectoryName), "participants.parquet", SearchOption.AllDirectories)[0];
        var position = new DataField<int>(PartitionFile.RowColumn);
        var codes = new DataField<int>(PartitionFile.CodePrefix + "person_id");
        await using (var stream = File.Create(partition))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(position, codes), stream))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<int>(position, new[] { 0, 1 }.AsMemory());
            var metadata = levels is null ? null : new Dictionary<string, string> { [PartitionFile.LevelsKey] = levels };
            await group.WriteAsync<int>(codes, new[] { 0, code }.AsMemory(), null, metadata);
        }

        var municipality = Vouch(partition, rows: 2);

        Assert.Null(ExtractCache.TryRead(dir, municipality, ExtractTables.All, allowExternal: false, out var problem));
        Assert.Contains("damaged (", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        AssertSameTables(FromFiles(dir).Select(municipality), Extract.Load(dir, municipality));
    }

    // Records a rewritten partition in its entry's manifest (rows and hash), as if the cache had written it; returns its municipality.
    private static string Vouch(string partition, int rows)
    {
        var entry = Path.GetDirectoryName(Path.GetDirectoryName(partition))!;
        var manifestPath = Path.Combine(entry, CacheManifest.FileName);
        var manifest = CacheManifest.Parse(File.ReadAllText(manifestPath));
        var file = Path.GetRelativePath(entry, partition).Replace('\\', '/');
        File.WriteAllText(manifestPath, (manifest with
        {
            Partitions = manifest.Partitions
                .Select(p => p.File == file ? p with { Rows = rows, Digest = CacheDigest.Of(File.ReadAllBytes(partition)) } : p)
                .ToList(),
        }).ToJson());
        return Path.GetFileName(Path.GetDirectoryName(partition))!;
    }

    [Fact]
    public void A_cache_directory_that_is_a_link_is_neither_written_nor_read()
    {
        var dir = TestExtract.Copy();
        var elsewhere = Directory.CreateTempSubdirectory("research-cache-link-").FullName;
        Directory.CreateSymbolicLink(Path.Combine(dir, ExtractCache.DirectoryName), elsewhere);
        var (extract, report) = Extract.Read(dir, writeCache: true);
        Assert.True(report.IsValid);
        Assert.Contains("symbolic link", extract!.CacheNote, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
    }

    [Fact]
    public void Without_a_cache_nothing_is_said_and_nothing_is_written_by_loading()
    {
        var dir = TestExtract.Copy();
        Assert.Null(ExtractCache.TryRead(dir, null, ExtractTables.All, allowExternal: false, out var problem));
        Assert.Null(problem);
        Extract.Load(dir, "utrecht");
        Assert.False(Directory.Exists(Path.Combine(dir, ExtractCache.DirectoryName)));
    }

    private static string CachedCopy()
    {
        var dir = TestExtract.Copy();
        var (extract, report) = Extract.Read(dir, writeCache: true);
        Assert.True(report.IsValid, report.Format(20));
        Assert.StartsWith("wrote the extract cache", extract!.CacheNote, StringComparison.Ordinal);
        return dir;
    }

    private static Extract FromFiles(string dir)
    {
        var (extract, report) = Extract.Read(dir);
        Assert.True(report.IsValid);
        return extract!;
    }

    private static void AssertIgnored(string dir, string named)
    {
        Assert.Null(ExtractCache.TryRead(dir, null, ExtractTables.All, allowExternal: false, out var problem));
        Assert.Contains(named, problem, StringComparison.Ordinal);
        Assert.Null(ExtractCache.TryRead(dir, "utrecht", ExtractTables.All, allowExternal: false, out _));
    }

    private static void AssertSameTables(Extract expected, Extract actual)
    {
        Assert.Equal(expected.Tables.Select(t => t.Name), actual.Tables.Select(t => t.Name));
        foreach (var table in expected.Tables)
        {
            TableAssert.Same(table, actual.Tables.Single(t => t.Name == table.Name));
        }
    }
}
