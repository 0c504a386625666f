using System.CommandLine;
using System.Globalization;
using Research.Analysis.Disclosure;
using Research.Reporting.Publication;

namespace Research.Cli.Commands;

/// <summary>
/// <c>research scan</c>: reads every published output of a run (result files, HTML reports with their chart data,
/// executed notebooks) as a reader would and lists every count below the minimum it shows or lets a reader derive, and
/// every person identifier. Exit 0 when there is none.
/// </summary>
public static class ScanCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("outdir") { Description = "The output directory of research run-all." };
        var extracts = new Option<DirectoryInfo?>("--extracts") { Description = "The extracts whose person identifiers must not appear (default: OUTDIR/extracts)." };
        var minimum = new Option<int>("--minimum")
        {
            Description = "The smallest number of persons a published number may rest on.",
            DefaultValueFactory = _ => DisclosureControl.CbsMinimumCount,
        };
        minimum.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--minimum must be at least 1");
            }
        });
        var command = new Command("scan", "Check every published output for counts below the minimum (shown or derivable) and for person identifiers.") { directory, extracts, minimum };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var root = parse.GetValue(directory)!;
            var source = parse.GetValue(extracts) ?? new DirectoryInfo(Path.Combine(root.FullName, "extracts"));
            if (!root.Exists || !File.Exists(Path.Combine(source.FullName, "participants.csv")))
            {
                await error.WriteLineAsync(root.Exists
                    ? $"research scan: {source} has no participants.csv; give the extracts with --extracts DIR"
                    : $"research scan: {root} does not exist");
                return ExitCodes.Failure;
            }

            IReadOnlyList<ScanFinding> findings;
            try
            {
                findings = new DisclosureScan(parse.GetValue(minimum), DisclosureScan.PersonIds(source.FullName)).ScanDirectory(root.FullName);
            }
            catch (InvalidDataException e)
            {
                await error.WriteLineAsync($"research scan: {e.Message}");
                return ExitCodes.Failure;
            }

            foreach (var finding in findings.Take(200))
            {
                await error.WriteLineAsync(finding.ToString());
            }

            await (findings.Count == 0 ? output : error).WriteLineAsync(findings.Count == 0
                ? "research scan: no count below the minimum and no person identifier in any published output"
                : string.Create(CultureInfo.InvariantCulture, $"research scan: {findings.Count} finding(s)"));
            return findings.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}
