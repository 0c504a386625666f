using Research.Analysis.Outcomes;
using Research.Data.Design;
using Research.Data.Tables;

namespace Research.Bench.Outcomes;

/// <summary>
/// An in-memory register of <c>persons</c> × (12 + 1 + <c>monthsAfter</c>) months, person-major as an extract is, with a
/// sticky benefit/work process so that spells, exact 12 h and 27 h boundaries and never-outflow persons all occur.
/// </summary>
internal sealed class OutcomeBenchmarkData
{
    private OutcomeBenchmarkData(ParticipantColumns people, int[] person, YearMonth[] month, bool[] onBenefit, double[] hours, double[] earnings)
    {
        People = people;
        Person = person;
        Month = month;
        OnBenefit = onBenefit;
        Hours = hours;
        Earnings = earnings;
    }

    public ParticipantColumns People { get; }

    public int[] Person { get; }

    public YearMonth[] Month { get; }

    public bool[] OnBenefit { get; }

    public double[] Hours { get; }

    public double[] Earnings { get; }

    public RegisterColumns Register(int[] identity) => new(Person, identity, Month, OnBenefit, Hours, Earnings);

    public static OutcomeBenchmarkData Generate(int persons, int monthsAfter, int seed)
    {
        var rng = new Random(seed);
        var experiments = ExperimentCatalog.Canonical.Experiments;
        var months = 12 + 1 + monthsAfter;
        var rows = persons * months;
        var person = new int[rows];
        var month = new YearMonth[rows];
        var onBenefit = new bool[rows];
        var hours = new double[rows];
        var earnings = new double[rows];
        var randomised = new YearMonth[persons];
        var municipality = new int[persons];
        var arm = new int[persons];
        var armLevels = experiments.SelectMany(e => e.Arms.Select(a => a.Code)).Distinct().ToArray();
        double[] hourLevels = [8, 12, 16, 20, 24, 27, 32, 36, 38];
        var row = 0;
        for (var p = 0; p < persons; p++)
        {
            var experiment = rng.Next(experiments.Count);
            municipality[p] = experiment;
            var arms = experiments[experiment].Arms;
            arm[p] = Array.IndexOf(armLevels, arms[rng.Next(arms.Count)].Code);
            randomised[p] = new YearMonth(2017, 10).AddMonths(rng.Next(15));
            var working = rng.NextDouble() < 0.1;
            var h = working ? hourLevels[rng.Next(hourLevels.Length)] : 0;
            for (var m = 0; m < months; m++)
            {
                if (rng.NextDouble() < (working ? 0.05 : 0.03))
                {
                    working = !working;
                    h = working ? hourLevels[rng.Next(hourLevels.Length)] : 0;
                }

                person[row] = p;
                month[row] = randomised[p].AddMonths(m - 12);
                onBenefit[row] = !working || h < 24 || rng.NextDouble() < 0.2;
                hours[row] = h;
                earnings[row] = h == 0 ? 0 : Math.Round(h * 4.33 * (11 + rng.NextDouble() * 4), 2);
                row++;
            }
        }

        var people = new ParticipantColumns(
            Enumerable.Range(0, persons).Select(p => (100_000_000 + p).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            randomised,
            new PersonFactor("municipality", municipality, experiments.Select(e => e.Municipality).ToArray()),
            new PersonFactor("arm", arm, armLevels),
            new PersonFactor("stratum", new int[persons], ["all"]),
            new PersonFactor("caseworker_id", Enumerable.Range(0, persons).Select(p => p % 200).ToArray(), Enumerable.Range(0, 200).Select(c => $"CW-{c:D3}").ToArray()),
            Enumerable.Range(0, persons).Select(_ => rng.NextDouble() < 0.5).ToArray());
        return new OutcomeBenchmarkData(people, person, month, onBenefit, hours, earnings);
    }

    /// <summary>Writes the columns as raw little-endian arrays for the pandas peer.</summary>
    public void Write(string folder, int[] interventionEnd)
    {
        Directory.CreateDirectory(folder);
        WriteArray(Path.Combine(folder, "person.i32"), Person);
        WriteArray(Path.Combine(folder, "month.i32"), Month.Select(m => (m.Year * 12) + m.Month - 1).ToArray());
        WriteArray(Path.Combine(folder, "on_benefit.u8"), OnBenefit.Select(b => b ? (byte)1 : (byte)0).ToArray());
        WriteArray(Path.Combine(folder, "hours.f64"), Hours);
        WriteArray(Path.Combine(folder, "earnings.f64"), Earnings);
        var r = People.RandomisationMonths;
        WriteArray(Path.Combine(folder, "randomised.i32"), r.Select(m => (m.Year * 12) + m.Month - 1).ToArray());
        WriteArray(Path.Combine(folder, "municipality.i32"), People.Municipality.Codes.ToArray());
        WriteArray(Path.Combine(folder, "arm.i32"), People.Arm.Codes.ToArray());
        WriteArray(Path.Combine(folder, "intervention_end.i32"), interventionEnd);
    }

    private static void WriteArray<T>(string path, T[] values)
        where T : unmanaged
    {
        using var file = File.Create(path);
        file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }
}
