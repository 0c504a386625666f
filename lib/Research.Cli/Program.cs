using Research.Cli;
using Research.Cli.Run;

// A JIT profile belongs to the process, so only its entry point starts one: a worker's comes from its pool.
using (args is ["run", ..] ? RunJitProfile.Start() : null)
{
    return await ResearchCommand.RunAsync(args);
}
