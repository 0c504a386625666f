namespace Research.Pipeline.Running;

/// <summary>
/// The settings of the process a job runs in: jobs with equal settings can share a worker, and a runner can start one
/// for them before the jobs are known (<see cref="IJobRunner.Prepare"/>).
/// </summary>
/// <param name="OutputDirectory">The output directory (full path): the process's working directory.</param>
/// <param name="MemoryLimitBytes">Its GC heap hard limit, or null for none.</param>
/// <param name="Processors">The processors it may count on, or null for all.</param>
/// <param name="Compilation">How it compiles its code.</param>
public sealed record JobProcess(string OutputDirectory, long? MemoryLimitBytes, int? Processors, CodeCompilation Compilation);
