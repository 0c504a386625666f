using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Research.Cli.Run;
using Research.Cli.Terminal;
using Research.Notebooks;
using Research.Notebooks.Execution;
using Research.Notebooks.Parameters;
using Research.Notebooks.Reports;
using Research.Notebooks.Sessions;

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
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds one cell may run before it is stopped.",
            DefaultValueFactory = _ => NotebookHostOptions.DefaultCellTimeout.TotalSeconds,
        };
        var allowErrors = new Option<bool>("--allow-errors") { Description = "Run every cell even after failures (exit code is still 1)." };
        var inPlace = new Option<bool>("--in-place") { Description = "Allow the output to replace the input notebook." };
        var cwd = new Option<DirectoryInfo?>("--cwd") { Description = "Working directory of the cells: relative paths resolve against it (default: the notebook's directory)." };
        var exitWithParent = new Option<bool>("--exit-with-parent") { Description = "Exit as soon as standard input closes (run-all uses this so its children die with it)." };
        var external = new Option<bool>("--allow-external-resources") { Description = "Let cells read data-package resources outside the extract directory." };
        var maxOutput = new Option<long>("--max-output-bytes")
        {
            Description = "The most output (UTF-8 bytes of text and display data) one cell may produce; the rest is dropped with a note.",
            DefaultValueFactory = _ => NotebookHostOptions.DefaultMaxOutputBytes,
        };
        var noTiming = new Option<bool>("--no-timing")
        {
            Description = "Leave per-cell timing (nbclient 'execution' and papermill metadata) out of the executed notebook, so identical runs write identical bytes.",
        };
        var noCellCache = new Option<bool>("--no-cell-cache")
        {
            Description = "Compile every C# cell, neither loading nor keeping compiled cells (the cache in research/cells of the local data folder).",
        };
        var command = new Command("run", "Execute a notebook headlessly and write the executed .ipynb (and an HTML report).")
        {
            notebook, parameters, output, html, showCode, timeout, allowErrors, inPlace, cwd, exitWithParent, external, maxOutput, noTiming, noCellCache,
        };
        maxOutput.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() < 1)
            {
                result.AddError("--max-output-bytes must be at least 1");
            }
        });
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (> 0 and <= 7 * 24 * 3600))
            {
                result.AddError("--timeout must be a number of seconds greater than 0 (at most a week)");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            if (parse.GetValue(exitWithParent))
            {
                ParentWatch.Start();
            }

            if (parse.GetValue(external))
            {
                AppContext.SetSwitch(Research.Data.Schema.ResourceFiles.AllowExternalSwitch, true);
            }

            var request = new RunRequest(
                parse.GetValue(notebook)!,
                parse.GetValue(parameters) ?? Array.Empty<string>(),
                parse.GetValue(output),
                parse.GetValue(html),
                parse.GetValue(showCode),
                TimeSpan.FromSeconds(parse.GetValue(timeout)),
                parse.GetValue(allowErrors),
                parse.GetValue(inPlace),
                parse.GetValue(cwd),
                parse.GetValue(maxOutput),
                !parse.GetValue(noTiming),
                !parse.GetValue(noCellCache));
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
        if (RunPaths.Problem(input, outputPath, request.Html?.FullName, request.InPlace) is { } pathProblem)
        {
            await stderr.WriteLineAsync($"research run: {pathProblem}");
            return ExitCodes.Usage;
        }

        var workingDirectory = request.WorkingDirectory?.FullName ?? Path.GetDirectoryName(input)!;
        if (request.WorkingDirectory is not null)
        {
            Directory.SetCurrentDirectory(workingDirectory);
        }
        Notebook document;
        IReadOnlyDictionary<string, string> answers;
        try
        {
            document = NotebookFile.Load(input);
            (var cellValues, answers) = InputParameters.Split(document, request.Parameters.Select(SplitParameter).ToList());
            ParameterInjector.Inject(document, cellValues);
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

        var options = new NotebookHostOptions
        {
            CellTimeout = request.Timeout,
            AllowErrors = request.AllowErrors,
            MaxOutputBytes = request.MaxOutputBytes,
            RecordTiming = request.RecordTiming,
            Input = new HeadlessInputProvider(answers),
            WarmUpCompiler = false,
        };
        if (!request.CellCache)
        {
            options.CompiledCellCacheDirectory = null;
        }

        ProjectLibraries.AddTo(options);
        NotebookCompatibility.AddTo(options);
        if (request.RecordTiming)
        {
            RecordPaths(document, input, outputPath);
        }

        void WriteReport()
        {
            if (request.Html is { } report)
            {
                File.WriteAllText(report.FullName, HtmlReportWriter.Write(document, Path.GetFileNameWithoutExtension(input), new HtmlReportOptions { ShowCode = request.ShowCode }));
            }
        }

        var progress = new RunProgress(stderr, interactive: !Console.IsErrorRedirected && EscapingWriter.WritesTo(stderr, Console.Error));
        var checkpoint = new RunCheckpoint(document, Path.GetFileName(input), outputPath, WriteReport, stderr, progress);
        var result = await new NotebookRunner(options).RunAsync(document, workingDirectory, checkpoint, cancellationToken);
        progress.Complete();

        checkpoint.Save();
        WriteReport();
        foreach (var failure in result.Failures)
        {
            await stderr.WriteLineAsync(FailureLine.Of(Path.GetFileName(input), failure));
        }

        // The paths as given: a run-all log must not carry the machine's absolute paths.
        var shownOutput = request.Output?.ToString() ?? Path.Combine(Path.GetDirectoryName(request.Notebook.ToString()) ?? string.Empty, Path.GetFileName(outputPath));
        var written = request.Html is null ? shownOutput : $"{shownOutput} and {request.Html}";
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

        if (request.Output is { } output && !string.Equals(output.Extension, ".ipynb", StringComparison.OrdinalIgnoreCase))
        {
            return $"--output '{output}' must be a .ipynb file (executed notebooks keep their outputs only in .ipynb).";
        }

        return request.Parameters.FirstOrDefault(p => p.IndexOf('=', StringComparison.Ordinal) <= 0) is { } bad
            ? $"parameter '{bad}' must be written name=value."
            : null;
    }

    // papermill's input_path and output_path, without publishing where the files are on this machine: the input
    // relative to the executed notebook when it lies below it, its file name otherwise.
    private static void RecordPaths(Notebook document, string input, string output)
    {
        var papermill = document.Metadata["papermill"] as JsonObject ?? new JsonObject();
        var relative = Path.GetRelativePath(Path.GetDirectoryName(output)!, input);
        var below = !Path.IsPathRooted(relative) && !relative.StartsWith("..", StringComparison.Ordinal);
        papermill["input_path"] = (below ? relative : Path.GetFileName(input)).Replace('\\', '/');
        papermill["output_path"] = Path.GetFileName(output);
        document.Metadata["papermill"] = papermill;
    }

    private static KeyValuePair<string, string> SplitParameter(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return KeyValuePair.Create(text[..equals].Trim(), text[(equals + 1)..]);
    }

    private sealed record RunRequest(FileInfo Notebook, string[] Parameters, FileInfo? Output, FileInfo? Html, bool ShowCode, TimeSpan Timeout, bool AllowErrors, bool InPlace, DirectoryInfo? WorkingDirectory, long MaxOutputBytes, bool RecordTiming, bool CellCache);
}
