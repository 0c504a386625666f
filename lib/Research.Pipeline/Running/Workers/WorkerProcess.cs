using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Research.Pipeline.Running.Workers;

/// <summary>
/// One long-lived <c>research worker</c> process: it runs the notebooks it is sent one after another, each in a fresh
/// notebook session, so the runtime start-up and the JIT of the libraries are paid once per worker instead of once per
/// notebook. Its standard error is the current job's log until the job's end line; its standard output (which the
/// worker does not use) goes to the same log.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ByteLines _errors;
    private readonly Task _outputPump;
    private readonly JitProfileRecording? _jitProfile;
    private CappedLog? _log;

    private WorkerProcess(Process process, JobProcess key, JitProfileRecording? jitProfile)
    {
        _process = process;
        _jitProfile = jitProfile;
        Key = key;
        _errors = new ByteLines(process.StandardError.BaseStream);
        _outputPump = Task.Run(PumpOutputAsync);
    }

    /// <summary>What the process was started with; a job with other settings needs another worker.</summary>
    public JobProcess Key { get; }

    /// <summary>Starts a worker for jobs with <paramref name="key"/>'s settings.</summary>
    /// <exception cref="Win32Exception">The executable cannot be started.</exception>
    /// <param name="command">How to start <c>research</c>.</param>
    /// <param name="key">The settings of the jobs it will run.</param>
    /// <param name="warmUp">Whether it should get its notebook engine ready before the first job arrives.</param>
    /// <param name="jitProfile">The JIT profile it plays and records, if any (<see cref="JitProfiles"/>).</param>
    public static WorkerProcess? Start(ChildCommand command, JobProcess key, bool warmUp, JitProfileRecording? jitProfile = null)
    {
        var start = new ProcessStartInfo
        {
            FileName = command.FileName,
            WorkingDirectory = key.OutputDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments.Append(WorkerProtocol.Verb))
        {
            start.ArgumentList.Add(argument);
        }

        if (warmUp)
        {
            start.ArgumentList.Add(WorkerProtocol.WarmUpOption);
            start.ArgumentList.Add(key.OutputDirectory);
        }

        if (jitProfile is not null)
        {
            start.ArgumentList.Add(WorkerProtocol.JitProfileOption);
            start.ArgumentList.Add(jitProfile.Path);
        }

        // What each setting costs and gains is measured in CodeCompilation's remarks.
        if (key.Compilation == CodeCompilation.Precompiled)
        {
            start.Environment["DOTNET_TieredCompilation"] = "0";
        }
        else
        {
            start.Environment["DOTNET_TC_QuickJitForLoops"] = "0";
        }

        // A report allocates about 1.2 GB in short-lived arrays and tables; with the default gen0 budget (a few MB on these
        // machines) that was ~270 collections and 0.57 s of pauses per report, with a 64 MB budget ~20 and 0.30 s
        // (dotnet-counters, Utrecht). The GC reads this knob only from the environment, hence here.
        start.Environment["DOTNET_GCgen0size"] = "0x4000000";

        // Arrays of one value per person (0.8 MB for a national report's 100,000) went to the large object heap, whose
        // budget is spent by every such array and then ends in a full (background) collection of the whole heap, the
        // extract included: 48 gen2 collections in Groningen's national report. Up to 16 MB (a quarter of the gen0
        // budget above) they are now born and die in gen0: 19 gen2 collections; national run-all --force 107.5 and 108.4
        // -> 101.2 and 93.1 s interleaved, the peak of all processes 4.4-5.0 GB either way (docs/national-scale.md).
        // Validation in the parent, with the default gen0 budget, was a second slower with it, so only workers have it.
        start.Environment["DOTNET_GCLOHThreshold"] = "0x1000000";
        if (key.Processors is { } processors)
        {
            // Jobs side by side share the cores: a worker that believed it had all of them ran its estimators' parallel
            // loops on threads that only waited for each other's cores (run-all --force on two cores: 44 CPU-seconds with
            // every worker counting two processors, 22 with one each, the same wall time). The runtime sizes its thread
            // pool, Parallel.For and Environment.ProcessorCount by this variable.
            start.Environment["DOTNET_PROCESSOR_COUNT"] = processors.ToString(CultureInfo.InvariantCulture);
        }

        if (key.MemoryLimitBytes is { } limit)
        {
            start.Environment["DOTNET_GCHeapHardLimit"] = limit.ToString("X", CultureInfo.InvariantCulture);
        }

        Process? process = null;
        try
        {
            process = Process.Start(start);
            return process is null ? null : new WorkerProcess(process, key, jitProfile);
        }
        finally
        {
            if (process is null)
            {
                jitProfile?.End(clean: false);
            }
        }
    }

    /// <summary>
    /// Runs one job and reports how it ended, and whether the worker may take another: only after an exit 0, so a
    /// notebook that failed, timed out (its abandoned cell may still run) or ran out of memory never shares a process
    /// with the next one.
    /// </summary>
    public async Task<(JobEnding Ending, bool Reusable)> RunAsync(JobRequest request, long logLimitBytes, CancellationToken cancellationToken)
    {
        var logPath = request.Resolve(request.Job.Log);
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        await using var log = new CappedLog(logPath, logLimitBytes);
        Volatile.Write(ref _log, log);
        try
        {
            var id = Guid.NewGuid().ToString("N");
            if (!await SendAsync(WorkerProtocol.Request(new WorkerRequest(id, request.OutputDirectory, RunArguments.For(request)))))
            {
                return (await EndedAsync(log), false);
            }

            while (true)
            {
                var line = await _errors.NextAsync(cancellationToken);
                if (line.IsEmpty)
                {
                    return (await EndedAsync(log), false);
                }

                if (WorkerProtocol.FindEnd(line.Span, id) is { } end)
                {
                    await log.WriteAsync(line[..end.Start]);
                    return (new JobEnding(end.ExitCode), end.ExitCode == 0);
                }

                await log.WriteAsync(line);
            }
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }
        finally
        {
            Volatile.Write(ref _log, null);
        }
    }

    /// <summary>
    /// Ends the worker: closing its input ends an idle worker normally (the runtime cleans up its files in TMPDIR), and a
    /// kill makes sure. It is reaped, so its CPU time counts as this process's children's.
    /// </summary>
    public void Dispose()
    {
        try
        {
            _process.StandardInput.Dispose();
        }
        catch (IOException)
        {
            // already gone
        }

        if (!_process.WaitForExit(5000))
        {
            Kill();
            _process.WaitForExit(5000);
        }

        // The runtime writes the profile as the process exits, so it is whole only after a clean exit.
        _jitProfile?.End(_process.HasExited && _process.ExitCode == 0);
        _process.Dispose();
    }

    private async Task<bool> SendAsync(string line)
    {
        try
        {
            await _process.StandardInput.WriteLineAsync(line);
            await _process.StandardInput.FlushAsync();
            return true;
        }
        catch (IOException)
        {
            return false; // the worker is gone
        }
    }

    // The worker died during the job (a stack overflow, FailFast, an unhandled exception on another thread, the
    // out-of-memory killer, Environment.Exit): the rest of what it wrote goes to the log, and the job ends with its exit code.
    private async Task<JobEnding> EndedAsync(CappedLog log)
    {
        while (await _errors.NextAsync(CancellationToken.None) is { IsEmpty: false } rest)
        {
            await log.WriteAsync(rest);
        }

        await _process.WaitForExitAsync(CancellationToken.None);
        await _outputPump;
        return new JobEnding(_process.ExitCode, EndedWorker: true);
    }

    private async Task PumpOutputAsync()
    {
        var buffer = new byte[16 * 1024];
        int read;
        var output = _process.StandardOutput.BaseStream;
        while ((read = await output.ReadAsync(buffer)) > 0)
        {
            if (Volatile.Read(ref _log) is { } log)
            {
                await log.WriteAsync(buffer.AsMemory(0, read));
            }
        }
    }

    private void Kill()
    {
        try
        {
            _process.StandardInput.Dispose();
        }
        catch (IOException)
        {
            // already gone
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // it ended between the check and the kill
        }
    }
}
