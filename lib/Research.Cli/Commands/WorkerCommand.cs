using System.Collections;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Research.Cli.Run;
using Research.Pipeline.Running.Workers;

namespace Research.Cli.Commands;

/// <summary>
/// <c>research worker</c> (hidden; run-all and verify start it): runs the <c>research run</c> command lines sent on
/// standard input one after another in this one process, each in a fresh notebook session, writing what each run
/// prints on standard error followed by an end line with its exit code (<see cref="WorkerProtocol"/>). The process ends
/// as soon as standard input closes, so workers die with the pipeline that started them.
/// </summary>
/// <remarks>
/// Between notebooks the worker puts back what a cell can change process-wide and the next notebook would see: the
/// working directory, the environment variables, the culture and the external-resources switch; the heap is compacted
/// so the next notebook has the whole memory limit. The pool sends a worker another notebook only after an exit 0.
/// </remarks>
public static class WorkerCommand
{
    // 1 while the worker holds a request (from taking it until its end line); 1 once standard input has closed. Each
    // side sets its own flag with a full fence and then reads the other's, so a request taken as the input closes is
    // always seen by one of them and never runs for a pipeline that is gone.
    private static int _busy;
    private static int _inputClosed;

    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var command = new Command(WorkerProtocol.Verb, "Run notebooks sent on standard input one after another (run-all and verify start this).")
        {
            Hidden = true,
        };
        var warmUp = new Option<string>(WorkerProtocol.WarmUpOption)
        {
            Description = "Get the notebook engine ready for notebooks run in this directory before the first request.",
            HelpName = "DIR",
        };
        var jitProfile = new Option<string>(WorkerProtocol.JitProfileOption)
        {
            Description = "Play this multicore JIT profile from the start, and record into it for the next worker.",
            HelpName = "FILE",
        };
        command.Options.Add(warmUp);
        command.Options.Add(jitProfile);
        command.SetAction((parse, cancellationToken) =>
        {
            StartJitProfile(parse.GetValue(jitProfile));
            return ServeAsync(parse.GetValue(warmUp), cancellationToken);
        });
        return command;
    }

    // Before the warm-up, so the background thread compiles the engine's methods too while the pipeline validates. The
    // runtime ignores a profile it cannot read, and writes this one when the process exits.
    private static void StartJitProfile(string? path)
    {
        if (path is not null && Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            ProfileOptimization.SetProfileRoot(directory);
            ProfileOptimization.StartProfile(Path.GetFileName(path));
        }
    }

    private static async Task<int> ServeAsync(string? warmUpDirectory, CancellationToken cancellationToken)
    {
        // Everything a run prints, and anything a library writes to the console outside a cell, goes to standard error:
        // the pool copies it into the current job's log.
        var log = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
        Console.SetOut(log);
        Console.SetError(log);
        Console.SetIn(TextReader.Null);
        var requests = ReadRequests();
        var environment = Snapshot();
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        var served = 0;
        var warmedUp = warmUpDirectory is null ? Task.CompletedTask : Task.Run(() => EngineWarmUp.RunAsync(warmUpDirectory), cancellationToken);
        while (await requests.WaitToReadAsync(cancellationToken))
        {
            Interlocked.Exchange(ref _busy, 1);
            if (Volatile.Read(ref _inputClosed) == 1)
            {
                return ExitCodes.Failure;
            }

            // The first notebook starts on a ready engine; the warm-up's session is gone by then. A pipeline that dies
            // meanwhile ends this process at once, as during a notebook.
            await warmedUp;
            var line = await requests.ReadAsync(cancellationToken);
            WorkerRequest request;
            try
            {
                request = WorkerProtocol.ParseRequest(line);
            }
            catch (JsonException e)
            {
                await log.WriteLineAsync($"research worker: unreadable request: {e.Message}");
                return ExitCodes.Usage;
            }

            // Which process ran a notebook, and how warm it was: the first line of the job's log.
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"research worker (process {Environment.ProcessId}): notebook {++served} in this process"));
            Directory.SetCurrentDirectory(request.WorkingDirectory);
            AppContext.SetSwitch(Research.Data.Schema.ResourceFiles.AllowExternalSwitch, false);
            var exitCode = await ResearchCommand.RunAsync(["run", .. request.Arguments], log, log, cancellationToken);
            Interlocked.Exchange(ref _busy, 0);
            Restore(environment);
            CultureInfo.DefaultThreadCurrentCulture = null;
            CultureInfo.DefaultThreadCurrentUICulture = null;
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            // The notebook's data is garbage now. Aggressive also gives the freed memory back to the system: at national
            // scale an idle worker kept its last report's heap (3.3 GB) while the other ran the synthesis, run-all's peak.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            await log.WriteAsync(WorkerProtocol.End(request.Id, exitCode));
        }

        return ExitCodes.Success;
    }

    // Standard input is read on a thread of its own. When it closes between notebooks (the pool is done with this worker)
    // the worker ends normally, so the runtime removes what it keeps in TMPDIR; when it closes during one (the pipeline
    // died), the process ends at once, even in the middle of a cell, as `research run --exit-with-parent` does.
    private static ChannelReader<string> ReadRequests()
    {
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var thread = new Thread(() =>
        {
            try
            {
                using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
                while (input.ReadLine() is { } line)
                {
                    channel.Writer.TryWrite(line);
                }
            }
            catch (IOException)
            {
                // A broken pipe means the same as end of input.
            }

            channel.Writer.TryComplete();
            Interlocked.Exchange(ref _inputClosed, 1);
            if (Volatile.Read(ref _busy) == 1)
            {
                Process.GetCurrentProcess().Kill();
            }
        })
        {
            IsBackground = true,
            Name = "worker requests",
        };
        thread.Start();
        return channel.Reader;
    }

    private static Dictionary<string, string> Snapshot() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal);

    private static void Restore(Dictionary<string, string> snapshot)
    {
        foreach (var name in Snapshot().Keys.Where(n => !snapshot.ContainsKey(n)))
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        foreach (var (name, value) in snapshot.Where(e => Environment.GetEnvironmentVariable(e.Key) != e.Value))
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
