using System.CommandLine;
using Research.Analysis.Surveys;
using Research.Data;
using Research.Scales.Instruments;

namespace Research.Cli.Commands;

/// <summary><c>research validate</c>: checks an extract directory against its schema and the cross-table rules.</summary>
public static class ValidateCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("directory") { Description = "The extract directory (participants, register_months, survey_responses; optionally its own datapackage.json)." };
        var maxListed = new Option<int>("--max-issues") { Description = "List at most this many issues; counts always cover all of them.", DefaultValueFactory = _ => 100 };
        var instruments = new Option<DirectoryInfo?>("--instruments") { Description = "Directory of instrument definitions for the response-range check (default: the bundled instruments)." };
        var command = new Command("validate", "Validate raw extracts: types, constraints, keys, arms, contiguous months, survey ranges. Exit 0 only when valid.")
        {
            directory, maxListed, instruments,
        };
        command.SetAction((parse, _) =>
        {
            var catalog = parse.GetValue(instruments) is { } custom ? InstrumentCatalog.LoadDirectory(custom.FullName) : BundledInstruments.Catalog;
            return Task.FromResult(Check(parse.GetValue(directory)!.FullName, catalog, Math.Max(0, parse.GetValue(maxListed)), parse.InvocationConfiguration));
        });
        return command;
    }

    /// <summary>Validates <paramref name="directory"/>, prints the report and returns the exit code.</summary>
    internal static int Check(string directory, InstrumentCatalog instruments, int maxListed, InvocationConfiguration console)
    {
        var (_, report) = Extract.Read(directory, extraChecks: (extract, sink) => ResponseRangeCheck.Run(extract, sink, instruments));
        (report.IsValid ? console.Output : console.Error).Write(report.Format(maxListed));
        return report.IsValid ? ExitCodes.Success : ExitCodes.Failure;
    }
}
