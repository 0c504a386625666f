using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Research.Pipeline.Running;

/// <summary>
/// Runs each job as a <c>research run</c> child process in the output directory, with the memory limit as the child's GC
/// heap hard limit and its output in the job's log (capped, so a notebook that floods its console cannot fill the disk).
/// </summary>
/// <remarks>
/// The child's standard input is a pipe this process never writes and <c>--exit-with-parent</c> makes the child exit
/// when it closes: when the pipeline dies, even by <c>kill -9</c>, the kernel closes the pipe and every report process
/// ends instead of writing outputs no cache entry describes. (Linux's <c>PR_SET_PDEATHSIG</c> fires when the parent
/// <em>thread</em> ends, and .NET starts processes from pool threads that come and go, so it is not used.)
/// </remarks>
public sealed class ProcessJobRunner(ChildCommand command, long logLimitBytes = ProcessJobRunner.DefaultLogLimitBytes) : IJobRunner
{
    /// <summary>The default cap of a job's log.</summary>
    public const long DefaultLogLimitBytes = 16L << 20;

    /// <inheritdoc />
    public async Task<JobEnding> RunAsync(JobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var start = StartInfo(request);
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception e)
        {
            return new JobEnding(-1, $"{command.FileName}: {e.Message}");
        }

        if (process is null)
        {
            return new JobEnding(-1, $"{command.FileName} did not start");
        }

        using (process)
        {
            var logPath = request.Resolve(request.Job.Log);
            Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
            await using var log = new CappedLog(logPath, logLimitBytes);
            var copies = Task.WhenAll(log.CopyAsync(process.StandardOutput.BaseStream), log.CopyAsync(process.StandardError.BaseStream));
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                await copies;
                throw;
            }
            finally
            {
                process.StandardInput.Dispose();
            }

            await copies;
            return new JobEnding(process.ExitCode);
        }
    }

    private ProcessStartInfo StartInfo(JobRequest request)
    {
        var start = new ProcessStartInfo
        {
            FileName = command.FileName,
            WorkingDirectory = request.OutputDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var job = request.Job;
        string[] arguments =
        [
            .. command.Arguments, "run", job.Notebook, "-o", job.ExecutedNotebook, "--html", job.Html, "--cwd", request.OutputDirectory,
            "--timeout", request.CellTimeout.TotalSeconds.ToString("R", CultureInfo.InvariantCulture), "--exit-with-parent",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (request.AllowExternalResources)
        {
            start.ArgumentList.Add("--allow-external-resources");
        }

        foreach (var parameter in job.Parameters)
        {
            start.ArgumentList.Add("-p");
            start.ArgumentList.Add($"{parameter.Name}={parameter.Value}");
        }

        // A child on the same two cores gains nothing from tiered-compilation background threads fighting its siblings.
        start.Environment["DOTNET_TieredPGO"] = "0";
        if (request.MemoryLimitBytes is { } limit)
        {
            start.Environment["DOTNET_GCHeapHardLimit"] = limit.ToString("X", CultureInfo.InvariantCulture);
        }

        return start;
    }
}
