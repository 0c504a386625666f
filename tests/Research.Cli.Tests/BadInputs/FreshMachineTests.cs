using System.Text.RegularExpressions;

namespace Research.Cli.Tests.BadInputs;

/// <summary>
/// Issue 14, finding 1: the tests drive Debian tools that only CI installed. The README's test command (./test) now
/// provisions them; this test keeps the three in step: every package a test names when it runs an external tool is one
/// the ./test script installs, and the README says which tests need it.
/// </summary>
public sealed partial class FreshMachineTests
{
    [Fact]
    public void Finding_01_every_tool_a_test_drives_is_provisioned_by_the_test_command_and_named_in_the_readme()
    {
        var repository = Repository();
        var script = File.ReadAllText(Path.Combine(repository, "test"));
        var provisioned = ProvisionedPackage().Matches(script).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var readme = File.ReadAllText(Path.Combine(repository, "README.md"));
        var sources = Directory.EnumerateFiles(Path.Combine(repository, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();

        // A test that runs a tool names its Debian package (ExternalTool.Run with the path and the package; ExternalTool.Python: python3-nbformat).
        var needed = sources.SelectMany(s => ToolUse().Matches(s).Select(m => m.Groups[1].Value))
            .Concat(sources.Any(s => s.Contains("ExternalTool.Python(", StringComparison.Ordinal)) ? ["python3-nbformat"] : [])
            .ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(["chromium", "python3-nbformat", "jupyter-nbconvert"]), needed);
        Assert.Subset(provisioned, needed);
        Assert.All(needed, package => Assert.Contains($"`{package}`", readme, StringComparison.Ordinal));
        Assert.Contains("apt-get install", script, StringComparison.Ordinal);
        Assert.Contains("./test", File.ReadAllText(Path.Combine(repository, ".ci", "run")), StringComparison.Ordinal);
    }

    private static string Repository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Research.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the tests run outside the repository");
    }

    [GeneratedRegex(@"^\s*\[([a-z0-9.+-]+)\]=/", RegexOptions.Multiline)]
    private static partial Regex ProvisionedPackage();

    [GeneratedRegex(@"ExternalTool\.Run\(\s*""/usr/s?bin/[^""]+""\s*,\s*""([a-z0-9.+-]+)""")]
    private static partial Regex ToolUse();
}
