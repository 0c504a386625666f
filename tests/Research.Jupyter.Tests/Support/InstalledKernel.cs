using System.Diagnostics;
using Research.Cli;
using Research.Jupyter.Kernelspec;

namespace Research.Jupyter.Tests.Support;

/// <summary>
/// This build's kernel installed as Jupyter sees it: <c>research kernel install --prefix</c> into a scratch folder, and
/// an environment for Jupyter's tools (<c>JUPYTER_PATH</c>, a private runtime and config folder) under which the
/// kernelspec <c>.net-csharp</c> is this build, whatever else the machine has installed. Runs the real clients (Debian's
/// <c>/usr/bin/python3</c> and <c>jupyter</c>), never a Python from PATH.
/// </summary>
public sealed class InstalledKernel : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public InstalledKernel()
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: install Debian's python3-jupyter-client and python3-jupyter-kernel-test (./test does).");
        Root = Directory.CreateTempSubdirectory("research-kernel-tests-").FullName;
        Prefix = Path.Combine(Root, "prefix");
        Environment = new Dictionary<string, string>
        {
            ["JUPYTER_PATH"] = Path.Combine(Prefix, "share", "jupyter"),
            ["JUPYTER_RUNTIME_DIR"] = Path.Combine(Root, "runtime"),
            ["JUPYTER_CONFIG_DIR"] = Path.Combine(Root, "config"),
            ["JUPYTER_PLATFORM_DIRS"] = "1",
            ["RESEARCH_KERNEL_NAME"] = KernelSpec.DefaultName,
            // Debian's Python warns about frozen modules whenever a debugger hook is importable; the noise hides failures.
            ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1",
            ["PYTHONWARNINGS"] = "ignore",
        };
        var install = Research("kernel", "install", "--prefix", Prefix);
        Assert.True(install.ExitCode == 0, install.ToString());
    }

    /// <summary>The scratch folder (removed at the end).</summary>
    public string Root { get; }

    /// <summary>The prefix the kernelspec is installed under.</summary>
    public string Prefix { get; }

    /// <summary>The environment under which Jupyter finds this build's kernel as <c>.net-csharp</c>.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The folder of the kernelspec.</summary>
    public string SpecFolder => Path.Combine(Prefix, "share", "jupyter", "kernels", KernelSpec.DefaultName);

    /// <summary>A test fixture (Fixtures/NAME) copied with the build.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>Runs this build's <c>research</c> with <paramref name="args"/>.</summary>
    public ProcessResult Research(params string[] args) =>
        Run(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet",
            new[] { typeof(ResearchCommand).Assembly.Location }.Concat(args), Root);

    /// <summary>Runs a Python fixture script with Debian's Python.</summary>
    public ProcessResult PythonScript(string script, params string[] args) =>
        Run(Python, new[] { Fixture(script) }.Concat(args), Root);

    /// <summary>Runs <paramref name="program"/> in <paramref name="directory"/> with the Jupyter environment, feeding <paramref name="input"/>.</summary>
    public ProcessResult Run(string program, IEnumerable<string> args, string directory, string? input = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', args)} did not finish in {Limit}:\n{output.Result}\n{error.Result}");
        }

        return new ProcessResult(process.ExitCode, output.Result, error.Result);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A kernel that is still exiting may hold a file for a moment; the folder is in the temporary directory.
        }
    }
}
