using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Research.Cli.Pipeline;

namespace Research.Cli.Commands;

/// <summary><c>research run-all</c>: the main job — every municipal report plus the synthesis, with provenance.</summary>
public static class RunAllCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var extracts = new Option<DirectoryInfo?>("--extracts") { Description = "Extract directory to analyse (default: generate seeded synthetic extracts into OUT/extracts)." };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Output directory for reports, result files, index.html and provenance.json.", DefaultValueFactory = _ => new DirectoryInfo("out") };
        var parallel = new Option<int>("--parallel") { Description = "How many municipal reports run at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var force = new Option<bool>("--force") { Description = "Re-run every notebook even if nothing it depends on changed." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the generated synthetic extracts.", DefaultValueFactory = _ => SyntheticDefaults.Seed };
        var notebooks = new Option<DirectoryInfo?>("--notebooks") { Description = "Directory with municipal-report.ipynb and synthesis.ipynb (default: the ones shipped with the tool)." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one cell may run.", DefaultValueFactory = _ => 600 };
        var command = new Command("run-all", "Validate the extracts, run all municipal reports in parallel, then the synthesis; write reports, result files, index.html and provenance.json.")
        {
            extracts, output, parallel, force, seed, notebooks, timeout,
        };
        parallel.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--parallel must be at least 1");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new PipelineSettings
            {
                ExtractDirectory = parse.GetValue(extracts)?.FullName,
                OutputDirectory = parse.GetValue(output)!.FullName,
                Parallelism = parse.GetValue(parallel),
                Force = parse.GetValue(force),
                Seed = parse.GetValue(seed),
                NotebookDirectory = parse.GetValue(notebooks)?.FullName ?? ShippedNotebooks,
                CellTimeoutSeconds = parse.GetValue(timeout),
            };
            var console = parse.InvocationConfiguration.Output;
            var watch = Stopwatch.StartNew();
            var provenance = await new ReportPipeline(settings, console).RunAsync(cancellationToken);
            if (provenance is null)
            {
                return ExitCodes.Failure;
            }

            await console.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"wrote {Path.Combine(settings.OutputDirectory, "index.html")} and {Provenance.FileName} in {watch.Elapsed.TotalSeconds:F1} s"));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The notebooks shipped next to the tool (copied there at build).</summary>
    internal static string ShippedNotebooks => Path.Combine(AppContext.BaseDirectory, "notebooks");
}
