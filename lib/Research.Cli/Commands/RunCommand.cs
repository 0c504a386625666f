using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Research.Cli.Run;
using Research.Notebooks;
using Research.Notebooks.Execution;
using Research.Notebooks.Parameters;
using Research.Notebooks.Reports;

namespace Research.Cli.Commands;

/// <summary>
/// <c>research run</c>: executes a notebook (<c>.ipynb</c> or <c>.dib</c>) headlessly, papermill style, writing the
/// executed <c>.ipynb</c> and optionally a standalone HTML report. Exit 0 when every cell ran, 1 when a cell failed
/// (everything executed so far is still written), 2 for usage errors.
/// </summary>
public static class RunCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var notebook = new Argument<FileInfo>("notebook") { Description = "The notebook to run (.ipynb or .dib)." };
        var parameters = new Option<string[]>("--parameter", "-p")
        {
            Description = "name=value for the cell tagged 'parameters' (repeatable); typed by the default's type.",
        };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "The executed notebook to write (.ipynb; default: NOTEBOOK.executed.ipynb next to the input)." };
        var html = new Option<FileInfo?>("--html") { Description = "Also write a standalone HTML report (works offline); code cells are left out unless --show-code." };
        var showCode = new Option<bool>("--show-code") { Description = "Keep the code cells in the HTML report (folded, with a toggle), as nbconvert does without --no-input." };
        var workingDirectory = new Option<DirectoryInfo?>("--cwd")
        {
            Description = "The working directory the notebook runs in: relative paths in cells and parameters resolve against it (default: the notebook's folder, as in Jupyter).",
        };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds one cell may run before it is stopped.",
            DefaultValueFactory = _ => NotebookHostOptions.DefaultCellTimeout.TotalSeconds,
        };
        var allowErrors = new Option<bool>("--allow-errors") { Description = "Run every cell even after failures (exit code is still 1)." };
        var inPlace = new Option<bool>("--in-place") { Description = "Allow the output to replace the input notebook." };
        var command = new Command("run", "Execute a notebook headlessly and write the executed .ipynb (and an HTML report).")
        {
            notebook, parameters, output, html, showCode, workingDirectory, timeout, allowErrors, inPlace,
        };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (> 0 and <= 7 * 24 * 3600))
            {
                result.AddError("--timeout must be a number of seconds greater than 0 (at most a week)");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var request = new RunRequest(
                parse.GetValue(notebook)!,
                parse.GetValue(parameters) ?? Array.Empty<string>(),
                parse.GetValue(output),
                parse.GetValue(html),
                parse.GetValue(showCode),
                parse.GetValue(workingDirectory),
                TimeSpan.FromSeconds(parse.GetValue(timeout)),
                parse.GetValue(allowErrors),
                parse.GetValue(inPlace));
            return ExecuteAsync(request, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(RunRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var input = request.Notebook.FullName;
        if (Usage(request) is { } problem)
        {
            await stderr.WriteLineAsync($"research run: {problem}");
            return ExitCodes.Usage;
        }

        var outputPath = request.Output?.FullName ?? Path.Combine(Path.GetDirectoryName(input)!, Path.GetFileNameWithoutExtension(input) + ".executed.ipynb");
        Notebook document;
        try
        {
            document = NotebookFile.Load(input);
            ParameterInjector.Inject(document, request.Parameters.Select(SplitParameter).ToList());
        }
        catch (NotebookFormatException e)
        {
            await stderr.WriteLineAsync($"research run: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (NotebookParameterException e)
        {
            await stderr.WriteLineAsync($"research run: {Path.GetFileName(input)}: {e.Message}");
            return ExitCodes.Usage;
        }

        // One notebook per process: its working directory is the process's, as a Jupyter kernel's is.
        Directory.SetCurrentDirectory(request.WorkingDirectory?.FullName ?? Path.GetDirectoryName(input)!);
        var options = new NotebookHostOptions { CellTimeout = request.Timeout, AllowErrors = request.AllowErrors };
        ProjectLibraries.AddTo(options);
        var progress = new RunProgress(stderr, interactive: !Console.IsErrorRedirected && ReferenceEquals(stderr, Console.Error));
        var result = await new NotebookRunner(options).RunAsync(document, Path.GetDirectoryName(input), progress, cancellationToken);
        progress.Complete();

        NotebookFile.Save(document, outputPath);
        if (request.Html is { } report)
        {
            await File.WriteAllTextAsync(report.FullName, HtmlReportWriter.Write(document, Path.GetFileNameWithoutExtension(input), new HtmlReportOptions { ShowCode = request.ShowCode }), CancellationToken.None);
        }

        foreach (var failure in result.Failures)
        {
            var line = failure.Line is { } l ? string.Create(CultureInfo.InvariantCulture, $", line {l}") : string.Empty;
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"notebook {Path.GetFileName(input)}, cell {failure.CellNumber}{line}: {failure.Message}"));
        }

        var written = request.Html is null ? outputPath : $"{outputPath} and {request.Html.FullName}";
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{(result.Succeeded ? "ran" : "stopped after")} {result.CellsExecuted} code cell{(result.CellsExecuted == 1 ? string.Empty : "s")} in {watch.Elapsed.TotalSeconds:0.00} s; wrote {written}"));
        return result.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static string? Usage(RunRequest request)
    {
        var input = request.Notebook.FullName;
        if (!request.Notebook.Exists)
        {
            return $"notebook '{request.Notebook}' does not exist.";
        }

        if (!NotebookFile.IsSupported(input))
        {
            return $"'{request.Notebook}' is not a notebook: expected a .ipynb or .dib file.";
        }

        if (request.WorkingDirectory is { Exists: false } missing)
        {
            return $"--cwd '{missing}' is not a directory.";
        }

        if (request.Output is { } output && !string.Equals(output.Extension, ".ipynb", StringComparison.OrdinalIgnoreCase))
        {
            return $"--output '{output}' must be a .ipynb file (executed notebooks keep their outputs only in .ipynb).";
        }

        if (request.Output is { } same && string.Equals(same.FullName, input, StringComparison.Ordinal) && !request.InPlace)
        {
            return $"--output is the input notebook '{request.Notebook}'; add --in-place to overwrite it.";
        }

        return request.Parameters.FirstOrDefault(p => p.IndexOf('=', StringComparison.Ordinal) <= 0) is { } bad
            ? $"parameter '{bad}' must be written name=value."
            : null;
    }

    private static KeyValuePair<string, string> SplitParameter(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return KeyValuePair.Create(text[..equals].Trim(), text[(equals + 1)..]);
    }

    private sealed record RunRequest(FileInfo Notebook, string[] Parameters, FileInfo? Output, FileInfo? Html, bool ShowCode, DirectoryInfo? WorkingDirectory, TimeSpan Timeout, bool AllowErrors, bool InPlace);
}
