using System.Globalization;
using Research.Scales.Instruments;
using Research.Scales.Reliability;
using Research.Scales.Responses;
using Research.Scales.Scoring;

namespace Research.Bench.Scales;

/// <summary>
/// Scores WHO-5 + SWLS + K10 + GSE (30 item columns) for N respondents (default 1,000,000) with 3 % empty cells and
/// 1 % refusals (−9), two waves for the K10 sample-mean imputation; then the pairwise reliability of the K10 items.
/// </summary>
public sealed class ScoringBenchmark : IBenchmark
{
    private static readonly string[] InstrumentIds = ["who5", "swls", "k10", "gse"];

    /// <inheritdoc />
    public string Name => "scales-scoring";

    /// <inheritdoc />
    public string Description => "score 1,000,000 respondents x 30 items (WHO-5, SWLS, K10, GSE) + K10 reliability";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        var rows = 1_000_000;
        var repeat = 3;
        string? directory = null;
        for (var i = 0; i < args.Length - 1; i += 2)
        {
            switch (args[i])
            {
                case "--rows": rows = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--instruments": directory = args[i + 1]; break;
                case "--repeat": repeat = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"unknown option {args[i]}; use --rows N --repeat N --instruments DIR"); return 2;
            }
        }

        directory ??= FindInstrumentDirectory();
        if (directory is null)
        {
            Console.Error.WriteLine("data-schema/instruments not found above the working directory; pass --instruments DIR");
            return 2;
        }

        var catalog = InstrumentCatalog.LoadDirectory(directory);
        var instruments = InstrumentIds.Select(id => catalog[id]).ToList();
        var (table, waves) = Generate(instruments, rows, seed: 20261127);
        var items = instruments.Sum(i => i.Items.Count);
        Console.WriteLine(FormattableString.Invariant($"{rows:N0} respondents x {items} items, {Environment.ProcessorCount} cores, single-threaded scoring"));

        // Warm-up on a slice so JIT time is not in the figure.
        InstrumentScorer.Score(instruments[0], Slice(table, instruments[0], 1000));

        // Shared machines are noisy: repeat and report the fastest run as the figure.
        var best = TimeSpan.MaxValue;
        for (var run = 1; run <= repeat; run++)
        {
            IReadOnlyList<InstrumentScores> results = [];
            var scoring = Measurement.Of(() => results = instruments.Select(i => InstrumentScorer.Score(i, table, waves)).ToList());
            Console.WriteLine($"scoring run {run} ({results.Sum(r => r.Scores.Count)} scores)  {scoring}");
            if (scoring.Elapsed < best)
            {
                best = scoring.Elapsed;
            }
        }

        Console.WriteLine(FormattableString.Invariant(
            $"best: {best.TotalMilliseconds:F0} ms = {best.TotalNanoseconds / ((double)rows * items):F1} ns per answer, {rows / best.TotalSeconds / 1e6:F2} M respondents/s"));

        var k10 = catalog["k10"];
        var reliability = Measurement.Of(() => ReliabilityAnalysis.Analyze(k10, "total", table));
        Console.WriteLine($"K10 reliability (pairwise, {rows:N0} rows)  {reliability}");
        return 0;
    }

    private static (ItemResponseTable Table, int[] Waves) Generate(IReadOnlyList<Instrument> instruments, int rows, int seed)
    {
        var rng = new Random(seed);
        var table = new ItemResponseTable(rows);
        var latent = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            latent[r] = rng.NextDouble() * 2 - 1;
        }

        foreach (var item in instruments.SelectMany(i => i.Items))
        {
            var values = new int?[rows];
            var codes = new int?[rows];
            var span = item.Maximum - item.Minimum;
            for (var r = 0; r < rows; r++)
            {
                var u = rng.NextDouble();
                if (u < 0.03)
                {
                    continue;
                }

                if (u < 0.04)
                {
                    codes[r] = -9;
                    continue;
                }

                var position = Math.Clamp(0.5 + 0.35 * latent[r] + 0.25 * (rng.NextDouble() - 0.5), 0, 1);
                values[r] = item.Minimum + (int)Math.Round(position * span);
            }

            table.Add(item.Column, values, codes);
        }

        var waves = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            waves[r] = r % 2;
        }

        return (table, waves);
    }

    private static ItemResponseTable Slice(ItemResponseTable table, Instrument instrument, int rows)
    {
        var slice = new ItemResponseTable(rows);
        foreach (var item in instrument.Items)
        {
            table.TryGetColumn(item.Column, out var column);
            slice.Add(item.Column, column!.Values.Take(rows).ToArray(), column.MissingCodes!.Take(rows).ToArray());
        }

        return slice;
    }

    private static string? FindInstrumentDirectory()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data-schema", "instruments");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
