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
    public async Task A_library_the_referenced_dll_needs_is_found_beside_it()
    {
        // Only Shop.dll is referenced; its public method returns a type of Money.dll, which the compiler must find on
        // its own next to Shop.dll (it is in no other place the host looks).
        var directory = Directory.CreateTempSubdirectory("nb-ref-").FullName;
        var lib = Directory.CreateDirectory(Path.Combine(directory, "lib")).FullName;
        var money = Path.Combine(lib, "Money.dll");
        EmitLibrary(money, "namespace Money { public sealed class Euro { public decimal Amount { get; init; } } }");
        EmitLibrary(Path.Combine(lib, "Shop.dll"), "namespace Shop { public static class Till { public static Money.Euro Price() => new() { Amount = 2.5m }; } }", money);

        var (notebook, result) = await Runs.RunAsync(
            Runs.CSharp("#r \"lib/Shop.dll\"", "Shop.Till.Price().Amount"), directory: directory);

        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        Assert.Equal("2.5", Runs.Plain(notebook.Cells[1].Outputs.Single()));
    }

    [Fact]
    public void The_host_maps_each_installed_reference_once_per_process_and_reads_other_files_each_time()
    {
        var installed = typeof(Microsoft.Data.Analysis.DataFrame).Assembly.Location;
        var framework = typeof(System.Text.Json.JsonDocument).Assembly.Location;
        var own = Path.Combine(Directory.CreateTempSubdirectory("nb-ref-").FullName, "Rebuilt.dll");
        EmitLibrary(own, "public static class Rebuilt { }");

        Assert.Same(Kernels.MetadataReferences.FromFile(installed), Kernels.MetadataReferences.FromFile(installed));
        Assert.Same(Kernels.MetadataReferences.FromFile(framework), Kernels.MetadataReferences.FromFile(framework));

        // A library a researcher rebuilds in place must be read again, not seen through an old mapping.
        Assert.NotSame(Kernels.MetadataReferences.FromFile(own), Kernels.MetadataReferences.FromFile(own));
    }

    [Fact]
    public async Task Notebooks_one_after_another_in_a_process_share_references_and_keep_dynamic_working()
    {
        // A warm worker runs notebook after notebook on the same mapped references; `dynamic` needs the runtime binder
        // among them, resolved the same way each time.
        for (var run = 0; run < 3; run++)
        {
            var (notebook, result) = await Runs.RunCSharpAsync(
                "dynamic d = new System.Dynamic.ExpandoObject();\nd.Name = \"run \" + " + run.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";",
                "d.Name");

            Assert.True(result.Succeeded, string.Join("\n", result.Failures));
            Assert.Equal($"run {run}", Runs.Plain(notebook.Cells[1].Outputs.Single()));
        }
    }

    [Fact]
    public void Assemblies_a_reference_needs_come_from_beside_it_then_from_the_runtime()
    {
        var resolver = new Kernels.ScriptReferenceResolver(Directory.GetCurrentDirectory());
        var requester = Kernels.MetadataReferences.FromFile(typeof(Microsoft.Data.Analysis.DataFrame).Assembly.Location);

        var json = resolver.ResolveMissingAssembly(requester, new AssemblyIdentity("System.Text.Json"));
        var unknown = resolver.ResolveMissingAssembly(requester, new AssemblyIdentity("No.Such.Assembly"));

        Assert.True(resolver.ResolveMissingAssemblies);
        Assert.Equal(typeof(System.Text.Json.JsonDocument).Assembly.Location, json?.FilePath);
        Assert.Same(json, Kernels.MetadataReferences.FromFile(json!.FilePath!));
        Assert.Null(unknown);
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

    private static void EmitLibrary(string path, string source, params string[] references)
    {
        var compilation = CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(path),
            new[] { CSharpSyntaxTree.ParseText(source) },
            references.Append(typeof(object).Assembly.Location).Select(r => MetadataReference.CreateFromFile(r)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
    }
}
