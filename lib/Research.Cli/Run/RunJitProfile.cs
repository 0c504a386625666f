using System.Runtime;
using Research.Cli.Pipeline;
using Research.Pipeline.Running.Workers;

namespace Research.Cli.Run;

/// <summary>
/// The multicore JIT profile of a <c>research run</c> process (<see cref="JitProfiles"/>): started by the process's entry
/// point, played on a background thread while the notebook runs, and written and kept when it is disposed. One report
/// under <c>research run</c> uses one core for most of its run, so the background thread has one to itself.
/// </summary>
/// <remarks>
/// Only the entry point starts one: a worker runs its notebooks through the same verb in-process and already plays the
/// profile its pool gave it, and the runtime keeps one profile per process.
/// </remarks>
internal sealed class RunJitProfile : IDisposable
{
    private const string Kind = "run";
    private readonly JitProfileRecording _recording;

    private RunJitProfile(JitProfileRecording recording) => _recording = recording;

    /// <summary>Starts playing and recording, or null on a single processor and where no profile can be kept.</summary>
    public static RunJitProfile? Start()
    {
        if (Environment.ProcessorCount < 2 || SelfProcess.JitProfiles()?.Begin(Kind) is not { } recording)
        {
            return null;
        }

        ProfileOptimization.SetProfileRoot(Path.GetDirectoryName(recording.Path)!);
        ProfileOptimization.StartProfile(Path.GetFileName(recording.Path));
        return new RunJitProfile(recording);
    }

    /// <summary>Stops recording, which writes the profile at once, and keeps it for the next run.</summary>
    public void Dispose()
    {
        ProfileOptimization.StartProfile(null);
        _recording.End(clean: true);
    }
}
