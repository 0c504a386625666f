using System.CommandLine;
using Research.Cli.Commands;

namespace Research.Cli;

/// <summary>The root of the <c>research</c> command line: one verb per workflow step.</summary>
public static class ResearchCommand
{
    /// <summary>Builds the root command with every verb registered.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand("Reproducible research notebooks for the Dutch social-assistance (bijstand) experiments.");
        foreach (var verb in Verbs())
        {
            root.Subcommands.Add(verb);
        }

        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. Usage errors print the problem and the verb's help and
    /// return <see cref="ExitCodes.Usage"/>, so scripts can tell a typo from a failed analysis.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var root = Create();
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var err = configuration.Error;
            foreach (var problem in parsed.Errors)
            {
                await err.WriteLineAsync(problem.Message);
            }

            await err.WriteLineAsync($"Run '{UsageName(parsed)} --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(configuration);
    }

    private static string UsageName(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command is RootCommand ? "research" : result.Command.Name);
        }

        return string.Join(' ', names);
    }

    private static IEnumerable<Command> Verbs()
    {
        yield return SynthCommand.Create();
        yield return ValidateCommand.Create();
        yield return CodebookCommand.Create();
        yield return RunAllCommand.Create();
        yield return VerifyCommand.Create();
        yield return RunCommand.Create();
        yield return ScanCommand.Create();
    }
}
