using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Research.Notebooks.Execution;
using Research.Notebooks.Packages;
using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Execution;

public class ReferenceTests
{
    [Fact]
    public async Task Relative_dll_reference_resolves_against_the_notebook_directory()
    {
        var directory = Directory.CreateTempSubdirectory("nb-ref-").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "lib"));
        EmitLibrary(Path.Combine(directory, "lib", "Greeting.dll"), "namespace Greetings { public static class Greeter { public static string Hello(string n) => \"hallo \" + n; } }");

        var (notebook, result) = await Runs.RunAsync(
            Runs.CSharp("#r \"lib/Greeting.dll\"\nusing Greetings;", "Greeter.Hello(\"wereld\")"), directory: directory);

        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        Assert.Equal("hallo wereld", Runs.Plain(notebook.Cells[1].Outputs.Single()));
    }

    [Fact]
    public async Task Missing_dll_is_a_compile_error_naming_the_file()
    {
        var (_, result) = await Runs.RunCSharpAsync("#r \"does-not-exist.dll\"");

        Assert.Contains("does-not-exist.dll", result.Failures.Single().Message);
    }

    [Theory]
    [InlineData("#r \"nuget: Humanizer.Core, 2.14.1\"", "Humanizer.Core", "2.14.1")]
    [InlineData("#r \"nuget:Newtonsoft.Json\"", "Newtonsoft.Json", null)]
    [InlineData("  #r  \"nuget: Plotly.NET , *-*\" ", "Plotly.NET", "*-*")]
    public void Nuget_directives_parse_name_and_optional_version(string line, string name, string? version) =>
        Assert.Equal(new PackageReference(name, version), PackageReference.TryParseDirective(line));

    [Theory]
    [InlineData("#r \"System.dll\"")]
    [InlineData("// #r \"nuget: X\"")]
    public void Other_lines_are_not_nuget_directives(string line) => Assert.Null(PackageReference.TryParseDirective(line));

    // Needs the network to api.nuget.org (CI has it).
    [Fact]
    [Trait("Category", "Network")]
    public async Task Nuget_packages_are_restored_once_and_served_from_the_cache_afterwards()
    {
        var options = new NotebookHostOptions { PackageCacheDirectory = Directory.CreateTempSubdirectory("nb-nuget-").FullName };
        var cells = new[]
        {
            "#r \"nuget: Humanizer.Core, 2.14.1\"\n#r \"nuget: NodaTime, 3.2.0\"\nusing Humanizer;\nusing NodaTime;",
            "\"notebook_host\".Humanize() + \" \" + new LocalDate(2024, 2, 29).PlusDays(1).ToString(\"yyyy-MM-dd\", null)",
        };

        var (first, result) = await Runs.RunAsync(Runs.CSharp(cells), options);
        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        Assert.Equal("notebook host 2024-03-01", Runs.Plain(first.Cells[1].Outputs.Single()));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var restored = await new NuGetRestorer(options.PackageCacheDirectory).RestoreAsync(
            new[] { new PackageReference("NodaTime", "3.2.0"), new PackageReference("humanizer.core", "2.14.1") }, CancellationToken.None);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"cached restore took {watch.Elapsed}");
        Assert.Contains(restored, p => p.EndsWith("NodaTime.dll", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Category", "Network")]
    public async Task A_package_that_does_not_exist_fails_the_cell_with_nugets_message()
    {
        var options = new NotebookHostOptions { PackageCacheDirectory = Directory.CreateTempSubdirectory("nb-nuget-").FullName };
        var (_, result) = await Runs.RunAsync(Runs.CSharp("#r \"nuget: Research.Does.Not.Exist.Anywhere, 1.0.0\""), options);

        Assert.Contains("NuGet restore failed", result.Failures.Single().Message);
        Assert.Contains("Research.Does.Not.Exist.Anywhere", result.Failures.Single().Message);
    }

    [Fact]
    public async Task Conflicting_explicit_versions_in_one_run_are_rejected()
    {
        var options = new NotebookHostOptions { PackageCacheDirectory = Directory.CreateTempSubdirectory("nb-nuget-").FullName };
        var cached = Path.Combine(options.PackageCacheDirectory, "seed");
        var (_, result) = await Runs.RunAsync(
            Runs.CSharp("#r \"nuget: Some.Package, 1.0.0\"\n#r \"nuget: Some.Package, 2.0.0\""), options);

        Assert.Contains("cannot be added because version 1.0.0 was added", result.Failures.Single().Message);
        Assert.False(Directory.Exists(cached));
    }

    private static void EmitLibrary(string path, string source)
    {
        var compilation = CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(path),
            new[] { CSharpSyntaxTree.ParseText(source) },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
    }
}
