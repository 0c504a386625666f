using System.Text.Json.Nodes;
using Research.Jupyter.Kernelspec;
using Research.Jupyter.Tests.Support;

namespace Research.Jupyter.Tests.Clients;

/// <summary>The kernel as a researcher meets it through Jupyter's own tools: kernelspec, console and nbconvert.</summary>
[Collection(KernelCollection.Name)]
public sealed class JupyterToolTests
{
    private const string Jupyter = "/usr/bin/jupyter";
    private readonly InstalledKernel _kernel;

    public JupyterToolTests(InstalledKernel kernel) => _kernel = kernel;

    [Fact]
    public void Jupyter_kernelspec_list_shows_the_installed_kernel_with_message_interrupts_and_logos()
    {
        var list = _kernel.Run(Jupyter, ["kernelspec", "list", "--json"], _kernel.Root);
        Assert.True(list.ExitCode == 0, list.ToString());
        var spec = JsonNode.Parse(list.Output)!["kernelspecs"]![KernelSpec.DefaultName]!;
        Assert.Equal(_kernel.SpecFolder, spec["resource_dir"]!.GetValue<string>());
        var json = spec["spec"]!;
        Assert.Equal(".NET (C#)", json["display_name"]!.GetValue<string>());
        Assert.Equal("C#", json["language"]!.GetValue<string>());
        Assert.Equal("message", json["interrupt_mode"]!.GetValue<string>());
        var argv = json["argv"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Equal(["kernel", "--connection-file", "{connection_file}"], argv[^3..]);
        Assert.True(File.Exists(argv[0]), $"argv[0] '{argv[0]}' is not an absolute path to an existing program");
        Assert.True(File.Exists(Path.Combine(_kernel.SpecFolder, "logo-32x32.png")));
        Assert.True(File.Exists(Path.Combine(_kernel.SpecFolder, "logo-64x64.png")));
    }

    [Fact]
    public void Install_under_another_name_then_uninstall_removes_only_that_kernelspec()
    {
        var install = _kernel.Research("kernel", "install", "--prefix", _kernel.Prefix, "--name", "research-other");
        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.Contains("research-other", ListedNames());
        var uninstall = _kernel.Research("kernel", "uninstall", "--prefix", _kernel.Prefix, "--name", "research-other");
        Assert.True(uninstall.ExitCode == 0, uninstall.ToString());
        var names = ListedNames();
        Assert.DoesNotContain("research-other", names);
        Assert.Contains(KernelSpec.DefaultName, names);
        var again = _kernel.Research("kernel", "uninstall", "--prefix", _kernel.Prefix, "--name", "research-other");
        Assert.NotEqual(0, again.ExitCode);
    }

    [Fact]
    public void Jupyter_console_runs_a_session_in_a_terminal()
    {
        var session = _kernel.Run(
            Jupyter,
            ["console", "--kernel", KernelSpec.DefaultName, "--simple-prompt"],
            _kernel.Root,
            "var x = 6 * 7;\nx\nConsole.WriteLine(\"hello \" + x);\nundefinedThing\n");
        Assert.True(session.ExitCode == 0, session.ToString());
        Assert.Contains("Research notebook kernel", session.Output, StringComparison.Ordinal);
        Assert.Contains("Out[2]: 42", session.Output, StringComparison.Ordinal);
        Assert.Contains("hello 42", session.Output, StringComparison.Ordinal);
        // The console prints a cell's error on its standard error.
        Assert.Contains("CS0103", session.Output + session.Error, StringComparison.Ordinal);
        Assert.Contains("Shutting down kernel", session.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Nbconvert_executes_the_municipal_report_and_writes_the_results_research_run_writes()
    {
        // The template's default parameters: extracts in ../out/extracts, results to ../out/reports.
        var work = Directory.CreateDirectory(Path.Combine(_kernel.Root, "report")).FullName;
        var notebooks = Directory.CreateDirectory(Path.Combine(work, "notebooks")).FullName;
        var notebook = Path.Combine(notebooks, "municipal-report.ipynb");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "notebooks", "municipal-report.ipynb"), notebook);
        var synth = _kernel.Research("synth", "--out", Path.Combine(work, "out", "extracts"), "--seed", "11", "--scale", "0.2");
        Assert.True(synth.ExitCode == 0, synth.ToString());

        var convert = _kernel.Run(
            Jupyter,
            ["nbconvert", "--to", "notebook", "--execute", $"--ExecutePreprocessor.kernel_name={KernelSpec.DefaultName}",
             "--ExecutePreprocessor.timeout=600", "--output-dir", Path.Combine(work, "executed"), notebook],
            work);
        Assert.True(convert.ExitCode == 0, convert.ToString());
        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(work, "executed", "municipal-report.ipynb")))!;
        var outputs = executed["cells"]!.AsArray().Where(c => c!["cell_type"]!.GetValue<string>() == "code").SelectMany(c => c!["outputs"]!.AsArray()).ToList();
        Assert.DoesNotContain(outputs, o => o!["output_type"]!.GetValue<string>() == "error");
        Assert.Contains(outputs, o => o!["data"]?["text/html"] is not null);

        var run = _kernel.Research("run", notebook, "-p", "output_dir=../out/run-reports", "-o", Path.Combine(work, "run.ipynb"));
        Assert.True(run.ExitCode == 0, run.ToString());
        var fromKernel = File.ReadAllBytes(Path.Combine(work, "out", "reports", "utrecht.results.json"));
        var fromRun = File.ReadAllBytes(Path.Combine(work, "out", "run-reports", "utrecht.results.json"));
        Assert.True(fromKernel.AsSpan().SequenceEqual(fromRun), "the kernel's results.json differs from research run's");
    }

    [Fact]
    public void A_notebook_run_from_the_browser_and_saved_there_runs_unchanged_under_research_run()
    {
        var work = Directory.CreateDirectory(Path.Combine(_kernel.Root, "browser")).FullName;
        var browser = _kernel.PythonScript("browser_notebook.py", work, Path.Combine(work, "page.png"));
        Assert.True(browser.ExitCode == 0, browser.ToString());

        var saved = Path.Combine(work, "browser.ipynb");
        var executed = Path.Combine(work, "executed.ipynb");
        var run = _kernel.Research("run", saved, "-o", executed, "--no-timing");
        Assert.True(run.ExitCode == 0, run.ToString());
        var cells = JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray();
        Assert.Equal("42", MultilineText(cells[1]!["outputs"]![0]!["data"]!["text/plain"]!));
        Assert.Equal("streamed 42\n", MultilineText(cells[2]!["outputs"]![0]!["text"]!));
    }

    // nbformat's multiline strings: a string or a list of lines.
    private static string MultilineText(JsonNode node) =>
        node is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : node.GetValue<string>();

    private List<string> ListedNames()
    {
        var list = _kernel.Run(Jupyter, ["kernelspec", "list", "--json"], _kernel.Root);
        Assert.True(list.ExitCode == 0, list.ToString());
        return JsonNode.Parse(list.Output)!["kernelspecs"]!.AsObject().Select(p => p.Key).ToList();
    }
}
