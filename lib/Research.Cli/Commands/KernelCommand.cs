using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text;
using Research.Cli.Kernel;
using Research.Cli.Run;
using Research.Cli.Terminal;
using Research.Jupyter.Protocol;
using Research.Jupyter.Server;
using Research.Notebooks.Execution;
using Research.Notebooks.Sessions;

namespace Research.Cli.Commands;

/// <summary>
/// <c>research kernel --connection-file FILE</c>: the Jupyter kernel a front end starts (JupyterLab, Notebook, VS Code,
/// jupyter console, nbconvert), running cells on the same engine as <c>research run</c>; and <c>install</c> /
/// <c>uninstall</c> of its kernelspec.
/// </summary>
public static class KernelCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var connection = new Option<FileInfo?>("--connection-file", "-f") { Description = "The connection file the front end wrote (ports and signing key)." };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds one cell may run before it is stopped (default: no limit; interrupt from the front end instead).",
        };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is < 0 or > 7 * 24 * 3600)
            {
                result.AddError("--timeout must be a number of seconds from 0 (no limit) to a week");
            }
        });
        var command = new Command("kernel", "Run as a Jupyter kernel (front ends start it with a connection file), or install or uninstall its kernelspec.")
        {
            connection, timeout, KernelInstallCommands.Install(), KernelInstallCommands.Uninstall(),
        };
        // The invocation's token is not used: System.CommandLine cancels it on SIGINT too, which for a kernel means
        // "interrupt the cell", not "exit". SIGTERM ends the kernel (see ServeAsync).
        command.SetAction((parse, _) =>
            ServeAsync(parse.GetValue(connection), parse.GetValue(timeout), parse.InvocationConfiguration.Error));
        return command;
    }

    private static async Task<int> ServeAsync(FileInfo? connectionFile, double timeout, TextWriter stderr)
    {
        if (connectionFile is null)
        {
            await stderr.WriteLineAsync("research kernel: --connection-file is required; Jupyter front ends pass it. To register the kernel with Jupyter, run 'research kernel install'.");
            return ExitCodes.Usage;
        }

        if (!connectionFile.Exists)
        {
            await stderr.WriteLineAsync($"research kernel: connection file '{connectionFile}' does not exist.");
            return ExitCodes.Usage;
        }

        ConnectionInfo connection;
        try
        {
            connection = ConnectionInfo.Load(connectionFile.FullName);
        }
        catch (InvalidDataException e)
        {
            await stderr.WriteLineAsync($"research kernel: {e.Message}");
            return ExitCodes.Failure;
        }

        var options = new NotebookHostOptions
        {
            CellTimeout = timeout > 0 ? TimeSpan.FromSeconds(timeout) : Timeout.InfiniteTimeSpan,
            RecordTiming = false,
        };
        ProjectLibraries.AddTo(options);
        NotebookCompatibility.AddTo(options);

        // The log goes to the real standard error, never through Console, which the session redirects into cells.
        var log = new KernelLog(new EscapingWriter(new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true }));
        var current = Directory.GetCurrentDirectory();
        var directory = NotebookLocation.FromSessionName(Environment.GetEnvironmentVariable(NotebookLocation.SessionNameVariable), current) ?? current;
        using var server = new JupyterKernelServer(connection, folder => NewSession(options, folder), directory, log);

        // Ctrl-C in the terminal that started the kernel, or a front end in signal mode: interrupt the cell, keep the kernel.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
        {
            signal.Cancel = true;
            server.Interrupt();
        });

        // SIGTERM (a front end that gave up on shutdown_request, or the system): shut down as on a request.
        using var terminate = new CancellationTokenSource();
        using var termination = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            terminate.Cancel();
        });
        return await server.RunAsync(terminate.Token);
    }

    // The formatter registry lives in the options, which every session of this process shares: a restart must not
    // keep the formatters the previous session's notebook registered.
    private static NotebookSession NewSession(NotebookHostOptions options, string folder)
    {
        options.Formatters.ResetNotebookFormatters();
        return new NotebookSession(options, folder);
    }
}
