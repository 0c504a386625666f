using System.CommandLine;
using Research.Cli.Commands;
using Research.Cli.Terminal;

namespace Research.Cli;

/// <summary>The root of the <c>research</c> command line: one verb per workflow step.</summary>
public static class ResearchCommand
{
    /// <summary>Shows the full exception (type and stack) of a failure instead of its one-line message.</summary>
    private static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "On a failure, print the full exception with its stack trace.",
        Recursive = true,
    };

    /// <summary>Builds the root command with every verb registered.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand("Reproducible research notebooks for the Dutch social-assistance (bijstand) experiments.") { Verbose };
        foreach (var verb in Verbs())
        {
            root.Subcommands.Add(verb);
        }

        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. Usage errors print the problem and a pointer to the verb's help and return
    /// <see cref="ExitCodes.Usage"/>, so scripts can tell a typo from a failed analysis. Any other failure is one line,
    /// <c>research VERB: message</c>, and <see cref="ExitCodes.Failure"/>; <c>--verbose</c> adds the stack trace.
    /// Everything printed goes through <see cref="EscapingWriter"/>.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var root = Create();
        var configuration = new InvocationConfiguration
        {
            Output = new EscapingWriter(output ?? Console.Out),
            Error = new EscapingWriter(error ?? Console.Error),
            EnableDefaultExceptionHandler = false,
        };
        var parsed = root.Parse(args);
        var err = configuration.Error;
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await err.WriteLineAsync(problem.Message);
            }

            await err.WriteLineAsync($"Run '{UsageName(parsed)} --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await err.WriteLineAsync($"{UsageName(parsed)}: cancelled");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            await err.WriteLineAsync(parsed.GetValue(Verbose) ? e.ToString() : $"{UsageName(parsed)}: {OneLine(e)}");
            return ExitCodes.Failure;
        }
    }

    // A researcher acts on the message; the type and stack are for --verbose.
    private static string OneLine(Exception e)
    {
        var lines = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var first = lines.Length > 0 ? lines[0] : e.GetType().Name;
        return lines.Length > 1 ? first + " (--verbose for the details)" : first;
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
        yield return KernelCommand.Create();
        yield return WorkerCommand.Create();
    }
}
