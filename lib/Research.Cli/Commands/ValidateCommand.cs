using System.CommandLine;
using Research.Analysis.Surveys;
using Research.Data;
using Research.Scales.Instruments;

namespace Research.Cli.Commands;

/// <summary>
/// <c>research validate</c>: checks an extract directory against the schemas and cross-table rules and prints every
/// problem with file, row, column and value. Person identifiers are printed only with <c>--show-ids</c>. A valid extract
/// gets its columnar cache (<see cref="Research.Data.Caching.ExtractCache"/>), which reports then read per municipality.
/// </summary>
public static class ValidateCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("directory") { Description = "The extract directory (participants, register_months, survey_responses; optionally its own datapackage.json)." };
        var maxListed = new Option<int>("--max-issues") { Description = "List at most this many issues; counts always cover all of them.", DefaultValueFactory = _ => 100 };
        var instruments = new Option<DirectoryInfo?>("--instruments") { Description = "Directory of instrument definitions for the response-range check (default: the bundled instruments)." };
        var showIds = new Option<bool>("--show-ids") { Description = "Also print the person identifier of each issue (on this terminal only; never in a file the pipeline publishes)." };
        var external = new Option<bool>("--allow-external-resources") { Description = "Read data-package resources that lie outside the extract directory (refused by default)." };
        var noCache = new Option<bool>("--no-cache") { Description = "Do not write the extract cache (.research-cache/ in the extract directory) that reports read per municipality." };
        var command = new Command("validate", "Validate raw extracts: types, constraints, keys, arms, contiguous months, survey ranges. Exit 0 only when valid.")
        {
            directory, maxListed, instruments, showIds, external, noCache,
        };
        maxListed.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--max-issues must be 0 or more");
            }
        });
        command.SetAction((parse, _) =>
        {
            var catalog = parse.GetValue(instruments) is { } custom ? InstrumentCatalog.LoadDirectory(custom.FullName) : BundledInstruments.Catalog;
            var options = new Options(parse.GetValue(maxListed), parse.GetValue(showIds), parse.GetValue(external), !parse.GetValue(noCache));
            return Task.FromResult(Check(parse.GetValue(directory)!.FullName, catalog, options, parse.InvocationConfiguration));
        });
        return command;
    }

    /// <summary>Validates <paramref name="directory"/>, prints the report and returns the exit code.</summary>
    internal static int Check(string directory, InstrumentCatalog instruments, Options options, InvocationConfiguration console)
    {
        var (extract, report) = Extract.Read(directory, extraChecks: (extract, sink) => ResponseRangeCheck.Run(extract, sink, instruments),
            allowExternalResources: options.AllowExternalResources, writeCache: options.WriteCache);
        (report.IsValid ? console.Output : console.Error).Write(report.Format(options.MaxListed, options.ShowIdentifiers));
        if (extract?.CacheNote is { } note)
        {
            console.Output.WriteLine(note);
        }

        return report.IsValid ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>How to validate and what to print.</summary>
    /// <param name="MaxListed">How many issues to list.</param>
    /// <param name="ShowIdentifiers">Print person identifiers.</param>
    /// <param name="AllowExternalResources">Read resources outside the extract directory.</param>
    /// <param name="WriteCache">Write the extract cache when the extract is valid.</param>
    internal sealed record Options(int MaxListed, bool ShowIdentifiers = false, bool AllowExternalResources = false, bool WriteCache = true);
}
