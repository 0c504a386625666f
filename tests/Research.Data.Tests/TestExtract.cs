using Research.Synthetic;

namespace Research.Data.Tests;

/// <summary>
/// A small valid synthetic extract generated once per test run, and scratch copies of it that a test may break.
/// </summary>
public static class TestExtract
{
    private static readonly Lazy<string> Valid = new(() =>
    {
        var directory = Path.Combine(Path.GetTempPath(), "research-tests", "valid-" + Environment.ProcessId);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        new SyntheticExtractGenerator().Generate(directory, new SyntheticOptions { Seed = 7, Scale = 0.05 });
        return directory;
    });

    /// <summary>The directory of the valid extract (do not modify).</summary>
    public static string ValidDirectory => Valid.Value;

    /// <summary>A fresh copy of the valid extract that the caller may modify.</summary>
    public static string Copy()
    {
        var target = Path.Combine(Path.GetTempPath(), "research-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(ValidDirectory))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    /// <summary>Rewrites the data lines (not the header) of <paramref name="file"/> in <paramref name="directory"/>.</summary>
    public static void EditLines(string directory, string file, Func<string[], string[]> edit)
    {
        var path = Path.Combine(directory, file);
        var lines = File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        File.WriteAllText(path, string.Join('\n', edit(lines)) + "\n");
    }

    /// <summary>Sets field <paramref name="column"/> of data line <paramref name="line"/> (1 = first data row) to <paramref name="value"/>.</summary>
    public static void SetField(string directory, string file, int line, string column, string value) => EditLines(directory, file, lines =>
    {
        var header = lines[0].Split(',');
        var index = Array.IndexOf(header, column);
        var fields = lines[line].Split(',');
        fields[index] = value;
        lines[line] = string.Join(',', fields);
        return lines;
    });
}
