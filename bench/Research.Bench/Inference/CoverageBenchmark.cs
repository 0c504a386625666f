using System.Diagnostics;
using System.Globalization;
using Research.Simulation;

namespace Research.Bench.Inference;

/// <summary>
/// The coverage-and-size study (issues 11 and 12): <c>coverage [--reps N] [--seed S] [--parallel P] [--sites a,b]
/// [--boot-draws B] [--ri-draws B] [--no-wellbeing] [--out FILE]</c>. Prints the tables; with <c>--out</c> also writes them to a file.
/// </summary>
public sealed class CoverageBenchmark : IBenchmark
{
    /// <inheritdoc />
    public string Name => "coverage";

    /// <inheritdoc />
    public string Description => "Coverage, size, bias and width of HC2, CR2, wild bootstrap and RI on all six designs (args: --reps 500 --out FILE)";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var options = new StudyOptions();
        string? output = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--reps":
                    options = options with { Replications = int.Parse(Next(), CultureInfo.InvariantCulture) };
                    break;
                case "--seed":
                    options = options with { Seed = ulong.Parse(Next(), CultureInfo.InvariantCulture) };
                    break;
                case "--parallel":
                    options = options with { Parallelism = int.Parse(Next(), CultureInfo.InvariantCulture) };
                    break;
                case "--sites":
                    options = options with { Sites = Next().Split(',', StringSplitOptions.RemoveEmptyEntries) };
                    break;
                case "--boot-draws":
                    options = options with { Estimator = options.Estimator with { BootstrapDraws = int.Parse(Next(), CultureInfo.InvariantCulture) } };
                    break;
                case "--ri-draws":
                    options = options with { Estimator = options.Estimator with { RandomisationDraws = int.Parse(Next(), CultureInfo.InvariantCulture) } };
                    break;
                case "--no-wellbeing":
                    options = options with { Wellbeing = false };
                    break;
                case "--out":
                    output = Next();
                    break;
                default:
                    Console.Error.WriteLine($"unknown argument '{args[i]}'; usage: coverage [--reps N] [--seed S] [--parallel P] [--sites a,b] [--boot-draws B] [--ri-draws B] [--no-wellbeing] [--out FILE]");
                    return 2;
            }
        }

        var command = "dotnet run -c Release --project bench/Research.Bench -- coverage " + string.Join(' ', args.Where((_, i) => i == 0 || args[i - 1] != "--out").Where(a => a != "--out"));
        var watch = Stopwatch.StartNew();
        var progress = new Progress<int>(done => Console.Error.Write(FormattableString.Invariant($"\r{done}/{options.Replications} replications, {watch.Elapsed.TotalMinutes:F1} min")));
        var result = CoverageStudy.Run(options, progress: progress);
        Console.Error.WriteLine();
        var text = StudyReport.Format(result, command.TrimEnd(), watch.Elapsed);
        Console.Write(text);
        if (output is not null)
        {
            File.WriteAllText(output, text);
        }

        return 0;
    }
}
