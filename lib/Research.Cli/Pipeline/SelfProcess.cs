using Research.Pipeline.Running;

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
}
