using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Research.Scales.Instruments;
using Research.Synthetic;

namespace Research.Cli.Commands;

/// <summary><c>research synth</c>: writes deterministic synthetic raw extracts and the planted effects.</summary>
public static class SynthCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Directory to write the extracts to (created if missing).", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Seed; the same seed gives byte-identical files on every machine.", DefaultValueFactory = _ => 1 };
        var scale = new Option<double>("--scale") { Description = "Multiplies every municipality's population (about 116 gives 400,000 persons).", DefaultValueFactory = _ => 1.0 };
        var force = new Option<bool>("--force") { Description = "Replace extract files already in the directory." };
        var validate = new Option<bool>("--validate") { Description = "Validate the written extract and fail if it is invalid (a self-check of the generator)." };
        var command = new Command("synth", "Generate synthetic raw extracts (participants, register months, survey responses) and truth.json.")
        {
            output, seed, scale, force, validate,
        };
        scale.Validators.Add(result =>
        {
            // Written so that NaN fails too (every comparison with NaN is false).
            if (result.GetValueOrDefault<double>() is not (> 0 and <= 10_000))
            {
                result.AddError("--scale must be greater than 0 and at most 10000");
            }
        });
        command.SetAction((parse, _) =>
        {
            var directory = parse.GetValue(output)!.FullName;
            var options = new SyntheticOptions { Seed = parse.GetValue(seed), Scale = parse.GetValue(scale), Overwrite = parse.GetValue(force) };
            var watch = Stopwatch.StartNew();
            try
            {
                var summary = new SyntheticExtractGenerator().Generate(directory, options);
                var console = parse.InvocationConfiguration.Output;
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {summary.Participants:N0} participants, {summary.RegisterMonths:N0} register months and {summary.SurveyResponses:N0} survey responses to {directory} in {watch.Elapsed.TotalSeconds:F1} s"));
                return Task.FromResult(parse.GetValue(validate) ? ValidateCommand.Check(directory, BundledInstruments.Catalog, new ValidateCommand.Options(20), parse.InvocationConfiguration) : ExitCodes.Success);
            }
            catch (IOException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"research synth: {e.Message}");
                return Task.FromResult(ExitCodes.Failure);
            }
        });
        return command;
    }
}
