using System.Text.RegularExpressions;

namespace Research.Notebooks.Sql;

/// <summary>
/// A <c>#!sql</c> cell: its SQL, and the name its result is kept under when a leading line says <c>--name NAME</c> (the
/// option .NET Interactive's SQL kernels take, and to DuckDB a comment), so <c>#!share --from sql NAME</c> hands it
/// to C#.
/// </summary>
/// <param name="Sql">The statements (the directive line blanked, so error positions stay cell lines).</param>
/// <param name="ResultName">The variable name of the result, or null.</param>
internal sealed partial record SqlCell(string Sql, string? ResultName)
{
    /// <exception cref="ArgumentException">The <c>--name</c> line names no valid identifier.</exception>
    public static SqlCell Parse(string code)
    {
        var lines = code.Split('\n');
        var first = Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        if (first < 0 || !lines[first].TrimStart().StartsWith("--name", StringComparison.Ordinal))
        {
            return new SqlCell(code, null);
        }

        var match = NameLine().Match(lines[first].Trim());
        if (!match.Success)
        {
            throw new ArgumentException($"line {first + 1}: '--name' must be followed by one identifier (letters, digits, '_'), e.g. --name by_arm");
        }

        lines[first] = string.Empty;
        return new SqlCell(string.Join('\n', lines), match.Groups[1].Value);
    }

    [GeneratedRegex(@"^--name\s+([A-Za-z_][A-Za-z0-9_]*)$")]
    private static partial Regex NameLine();
}
