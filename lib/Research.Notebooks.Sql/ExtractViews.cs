using System.Globalization;
using DuckDB.NET.Data;
using Research.Data.Caching;

namespace Research.Notebooks.Sql;

/// <summary>
/// One DuckDB view per extract table (<c>participants</c>, <c>register_months</c>, <c>survey_responses</c>) over the
/// Parquet files of the extract cache, after the cache is checked against the extract's current files. The cache's
/// bookkeeping columns (<c>_row</c>, <c>_missing_…</c>) are left out; DuckDB reads only the columns and row groups a
/// query needs, so registers of any size are queried without loading them.
/// </summary>
internal static class ExtractViews
{
    /// <summary>Creates or replaces the views of the extract in <paramref name="directory"/>; returns the table names.</summary>
    /// <exception cref="InvalidOperationException">The extract has no intact cache.</exception>
    public static IReadOnlyList<string> Create(DuckDBConnection connection, string directory, bool allowExternal)
    {
        var files = ExtractCache.VerifiedFiles(directory, allowExternal);
        foreach (var (table, paths) in files)
        {
            var list = string.Join(", ", paths.Select(Literal));
            using var command = connection.CreateCommand();
            command.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"CREATE OR REPLACE VIEW {Identifier(table)} AS SELECT COLUMNS(c -> NOT starts_with(c, '_')) FROM read_parquet([{list}], union_by_name = true)");
            command.ExecuteNonQuery();
        }

        return files.Keys.ToList();
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
