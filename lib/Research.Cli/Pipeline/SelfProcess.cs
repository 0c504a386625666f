using Research.Pipeline.Running;
using Research.Pipeline.Running.Workers;
using Research.Pipeline.Tool;

namespace Research.Cli.Pipeline;

/// <summary>How this same tool is started as a child process (<c>research run ...</c>), whether it runs as an apphost or under <c>dotnet</c>.</summary>
internal static class SelfProcess
{
    /// <summary>The command that starts the tool.</summary>
    /// <exception cref="InvalidOperationException">The running executable cannot be located.</exception>
    public static ChildCommand Command()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot locate the running executable");
        if (Path.GetFileNameWithoutExtension(host).Equals("research", StringComparison.OrdinalIgnoreCase))
        {
            return new ChildCommand(host, []);
        }

        // Under `dotnet research.dll`, or inside another host such as a test runner: run the tool's own assembly.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        return new ChildCommand(dotnet, [typeof(SelfProcess).Assembly.Location]);
    }

    /// <summary>
    /// Where this build's workers keep their JIT profiles: beside the compiled-cell cache, in a folder of its own per
    /// library build (a profile names methods by metadata tokens, which another build numbers differently); none without
    /// a data folder (no HOME).
    /// </summary>
    public static JitProfiles? JitProfiles() =>
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create) is { Length: > 0 } data
            ? new JitProfiles(Path.Combine(data, "research", "jit"), LibraryBuildIdentity.Of(AppContext.BaseDirectory)[..16])
            : null;
}
