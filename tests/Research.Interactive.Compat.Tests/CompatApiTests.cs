using Research.Interactive.Compat.Tests.Support;
using Research.Notebooks;
using Research.Notebooks.FSharp;

namespace Research.Interactive.Compat.Tests;

public class CompatApiTests
{
    [Fact]
    public async Task A_notebook_without_fsharp_cells_never_starts_the_fsharp_session()
    {
        var created = new List<FSharpKernel>();
        var (_, result) = await CompatRuns.RunAsync(DibFormat.Parse("#!csharp\n\nvar x = 1;\n\n#!csharp\n\nx + 1\n"), CompatRuns.Options(created: created));

        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        Assert.Null(Assert.Single(created).StartupTime);
    }

    [Fact]
    public async Task An_fsharp_error_names_the_cell_and_line_and_the_session_goes_on()
    {
        var created = new List<FSharpKernel>();
        var notebook = DibFormat.Parse("#!fsharp\n\nlet x = 1\n\n#!fsharp\n\nlet y = 2\nlet z = x + \"a\"\n\n#!fsharp\n\nx + 1\n");
        var options = CompatRuns.Options(created: created);
        options.AllowErrors = true;
        var (_, result) = await CompatRuns.RunAsync(notebook, options);

        var failure = Assert.Single(result.Failures);
        Assert.Equal((2, 2), (failure.CellNumber, failure.Line));
        Assert.Contains("FS0001", failure.Message, StringComparison.Ordinal);
        Assert.Equal("2", ((ExecuteResultOutput)notebook.Cells[2].Outputs.Single()).Data.GetText(MimeBundle.PlainText));
        Assert.NotNull(Assert.Single(created).StartupTime);
    }

    [Fact]
    public async Task An_fsharp_exception_is_the_cells_error_with_its_message()
    {
        var notebook = DibFormat.Parse("#!fsharp\n\nlet data = [ 1; 2 ]\nif data.Length > 0 then failwith \"extract is empty\"\n");
        var (_, result) = await CompatRuns.RunAsync(notebook);

        var error = Assert.IsType<ErrorOutput>(notebook.Cells[0].Outputs.Single());
        Assert.Equal("extract is empty", error.Value);
        Assert.Single(result.Failures);
        // The cell's frame names its file without the notebook's folder (published outputs carry no machine's paths).
        var traceback = string.Join("\n", error.Traceback);
        Assert.Contains("cell-1.fsx:line 2", traceback, StringComparison.Ordinal);
        Assert.DoesNotContain(CompatRuns.Corpus, traceback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prompt_without_its_parameter_fails_naming_the_parameter_to_pass()
    {
        var notebook = DibFormat.Parse("#!csharp\n\nvar token = await Kernel.GetPasswordAsync(\"api token\");\n");
        var (_, result) = await CompatRuns.RunAsync(notebook);

        Assert.Contains("-p \"api token=VALUE\"", Assert.Single(result.Failures).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_from_a_url_is_refused_with_a_clear_offline_error()
    {
        var notebook = DibFormat.Parse("#!value\n\n#!value --name rates --from-url https://example.org/rates.csv\n");
        var (_, result) = await CompatRuns.RunAsync(notebook);

        var message = Assert.Single(result.Failures).Message;
        Assert.Contains("--from-url", message, StringComparison.Ordinal);
        Assert.Contains("network", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Formatter_calls_outside_a_cell_fail_clearly()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Task.Run(() => Microsoft.DotNet.Interactive.Formatting.Formatter.ResetToDefault()));
        Assert.Contains("inside a running notebook cell", error.Message, StringComparison.Ordinal);
    }

    // Needs the NuGet feed (CI has it).
    [Fact]
    [Trait("Category", "Network")]
    public async Task A_failed_package_does_not_break_later_restores_and_fsharp_shares_the_restore_cache()
    {
        var options = CompatRuns.Options();
        options.AllowErrors = true;
        options.PackageCacheDirectory = Directory.CreateTempSubdirectory("compat-nuget-").FullName;
        var notebook = DibFormat.Parse(
            "#!csharp\n\n#r \"nuget: Research.Does.Not.Exist.Anywhere, 1.0.0\"\n\n"
            + "#!csharp\n\n#r \"nuget: Humanizer.Core, 2.14.1\"\nusing Humanizer;\n\"notebook_host\".Humanize()\n\n"
            + "#!fsharp\n\n#r \"nuget: Humanizer.Core, 2.14.1\"\nopen Humanizer\n\"report_ready\".Humanize()\n");
        var (_, result) = await CompatRuns.RunAsync(notebook, options);

        Assert.Equal(1, Assert.Single(result.Failures).CellNumber);
        Assert.Contains("Humanizer.Core", CompatRuns.Render(notebook), StringComparison.Ordinal);
        Assert.Contains("result text/plain: notebook host", CompatRuns.Render(notebook), StringComparison.Ordinal);
        Assert.Contains("result text/plain: report ready", CompatRuns.Render(notebook), StringComparison.Ordinal);
    }
}
