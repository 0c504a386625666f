using System.CommandLine;
using System.Globalization;
using Research.Analysis.Results;
using Research.Cli.Pipeline;
using Research.Pipeline.Running.Workers;
using Research.Pipeline.Verification;

namespace Research.Cli.Commands;

/// <summary>
/// <c>research verify</c>: checks every recorded output hash, then re-executes a recorded run from its inputs in a
/// scratch directory (removed afterwards) and compares every result number by number. Changed inputs are reported before
/// anything runs; changed outputs and numbers that do not reproduce are reported separately.
/// </summary>
public static class VerifyCommand
{
    private const int MaxListed = 200;

    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("outdir") { Description = "An output directory of research run-all (with provenance.json)." };
        var tolerance = new Option<double>("--tolerance") { Description = "Relative tolerance for numbers.", DefaultValueFactory = _ => ResultComparison.DefaultTolerance };
        var scratch = new Option<DirectoryInfo?>("--scratch") { Description = "Where to re-execute, kept afterwards (default: a temporary directory, removed afterwards)." };
        var limits = NotebookLimits.Create();
        var command = new Command("verify", "Check the recorded outputs, re-execute everything from the recorded inputs and compare the result files; exit 0 only when everything is as recorded.")
        {
            directory, tolerance, scratch,
        };
        foreach (var option in limits.All)
        {
            command.Options.Add(option);
        }

        tolerance.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is not (>= 0 and < 1))
            {
                r.AddError("--tolerance must be at least 0 and below 1");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var settings = new VerificationSettings
            {
                OutputDirectory = parse.GetValue(directory)!.FullName,
                ShippedNotebookDirectory = RunAllCommand.ShippedNotebooks,
                Tolerance = parse.GetValue(tolerance),
                ScratchDirectory = parse.GetValue(scratch)?.FullName,
                Parallelism = parse.GetValue(limits.Parallel),
                CellTimeout = TimeSpan.FromSeconds(parse.GetValue(limits.Timeout)),
                MemoryLimitBytes = limits.MemoryLimitBytes(parse),
            };
            using var runner = new WorkerPoolJobRunner(SelfProcess.Command(), jitProfiles: SelfProcess.JitProfiles());
            var report = await new Verifier(settings, runner, console).RunAsync(cancellationToken);
            await Print(report, parse.GetValue(tolerance), console, error);
            return report.Verified ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static async Task Print(VerificationReport report, double tolerance, TextWriter console, TextWriter error)
    {
        if (report.ChangedInputs.Count > 0)
        {
            await error.WriteLineAsync("CHANGED INPUTS: the inputs differ from the record, so the results cannot be reproduced as recorded (nothing was re-executed):");
            await List(report.ChangedInputs, error);
        }

        if (report.ChangedOutputs.Count > 0)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"CHANGED OUTPUTS: {report.ChangedOutputs.Count} output file(s) are not the bytes the run recorded in provenance.json:"));
            await List(report.ChangedOutputs, error);
        }

        if (report.ChangedInputs.Count > 0)
        {
            return;
        }

        if (report.ReexecutionFailed)
        {
            await error.WriteLineAsync("NOT REPRODUCED: the re-execution failed (see above).");
        }
        else if (report.Differences.Count > 0)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"NOT REPRODUCED: {report.Differences.Count} numbers differ:"));
            await List(report.Differences, error);
        }
        else
        {
            await console.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"REPRODUCED: {report.ResultFiles} result files agree within relative tolerance {tolerance:G3}."));
        }
    }

    private static async Task List(IReadOnlyList<string> lines, TextWriter writer)
    {
        foreach (var line in lines.Take(MaxListed))
        {
            await writer.WriteLineAsync("  " + line);
        }

        if (lines.Count > MaxListed)
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  ... and {lines.Count - MaxListed} more"));
        }
    }
}
