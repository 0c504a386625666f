using System.Globalization;
using System.Security.Cryptography;
using Research.Analysis.Surveys;
using Research.Data;
using Research.Data.Schema;
using Research.Data.Tables;
using Research.Scales.Instruments;
using Research.Data.Truth;

namespace Research.Synthetic.Tests;

/// <summary>One generated extract shared by the realism tests.</summary>
public sealed class SeedOneExtract
{
    public SeedOneExtract()
    {
        Directory = Path.Combine(Path.GetTempPath(), "research-tests", "seed1-" + Environment.ProcessId);
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        new SyntheticExtractGenerator().Generate(Directory, new SyntheticOptions { Seed = 1 });
        (Extract, Report) = Research.Data.Extract.Read(Directory, extraChecks: (e, s) => ResponseRangeCheck.Run(e, s, BundledInstruments.Catalog));
        Truth = TruthFile.Load(Path.Combine(Directory, TruthFile.FileName));
    }

    public string Directory { get; }

    public Extract? Extract { get; }

    public Research.Data.Validation.ValidationReport Report { get; }

    public TruthFile Truth { get; }
}

public sealed class SyntheticExtractTests(SeedOneExtract seedOne) : IClassFixture<SeedOneExtract>
{
    [Fact]
    public void Same_seed_gives_identical_bytes_whatever_the_culture_and_parallelism()
    {
        var a = Generate(2, "en-US", parallelism: 2);
        var b = Generate(2, "nl-NL", parallelism: 1);

        Assert.Equal(Hashes(a), Hashes(b));
    }

    [Fact]
    public void Another_seed_gives_other_data()
    {
        var a = Generate(3, "en-US", parallelism: 2);

        Assert.NotEqual(Hashes(a)["register_months.csv"], Hashes(seedOne.Directory)["register_months.csv"]);
    }

    [Fact]
    public void The_extract_validates_with_only_response_range_warnings()
    {
        Assert.True(seedOne.Report.IsValid, seedOne.Report.Format());
        Assert.All(seedOne.Report.Counts, c => Assert.Equal(Research.Data.Validation.Rules.ResponseRange, c.Rule));
        Assert.InRange(seedOne.Report.WarningCount, 1, 5000);
    }

    [Fact]
    public void Site_sizes_follow_the_designs()
    {
        var municipality = seedOne.Extract!.Participants!.Strings("municipality");
        var sizes = Enumerable.Range(0, municipality.Length).GroupBy(i => municipality[i]!).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(364, sizes["deventer"]);
        Assert.Equal(890, sizes["groningen"]);
        Assert.Equal(304, sizes["nijmegen"]);
    }

    [Fact]
    public void Control_outflow_around_month_24_matches_the_brief()
    {
        var (share12, share27) = ControlShares(24);

        Assert.InRange(share12, 0.11, 0.17);
        Assert.InRange(share27, 0.03, 0.08);
    }

    [Fact]
    public void Truth_plants_utrecht_effects_and_none_in_deventer()
    {
        var utrecht = seedOne.Truth.Municipalities.Single(m => m.Municipality == "utrecht");
        var intensification = utrecht.Arms.Single(a => a.Arm == "met_extra_hulp").Effects.Single(e => e.Outcome == "partial_full_outflow" && e.HorizonMonths == 16);
        var deventer = seedOne.Truth.Municipalities.Single(m => m.Municipality == "deventer");

        Assert.InRange(intensification.Att, 0.079, 0.081);
        Assert.InRange(intensification.Itt, 0.06, 0.08);
        Assert.Equal(intensification.Itt / intensification.TakeUp, intensification.Att, 9);
        Assert.All(deventer.Arms.SelectMany(a => a.Effects), e => Assert.Equal(0.0, e.Itt));
    }

    [Fact]
    public void Scale_reliabilities_are_realistic()
    {
        var survey = seedOne.Extract!.SurveyResponses!;
        foreach (var instrument in new[] { "who5", "gse", "k10", "mhi5" })
        {
            var items = BundledInstruments.Catalog[instrument].Items;
            var alpha = CronbachAlpha(survey, items);
            Assert.InRange(alpha, 0.7, 0.95);
        }
    }

    [Fact]
    public void Attrition_is_higher_among_those_who_left_benefit()
    {
        var extract = seedOne.Extract!;
        var register = extract.RegisterMonths!;
        var ids = register.Strings("person_id");
        var onBenefit = register.Booleans("on_benefit");
        var months = register.YearMonths("month");
        var participants = extract.Participants!;
        var randomised = Enumerable.Range(0, participants.RowCount).ToDictionary(i => participants.Strings("person_id")[i]!, i => YearMonth.Of(participants.Dates("randomisation_date")[i]!.Value));
        var offAt12 = Enumerable.Range(0, register.RowCount)
            .Where(r => months[r] == randomised[ids[r]!].AddMonths(12))
            .ToDictionary(r => ids[r]!, r => onBenefit[r] == false);
        var survey = extract.SurveyResponses!;
        var wave2 = Enumerable.Range(0, survey.RowCount).Where(r => survey.Integers("wave")[r] == 2).Select(r => survey.Strings("person_id")[r]!).ToHashSet();

        double Rate(bool off) => offAt12.Where(kv => kv.Value == off).Average(kv => wave2.Contains(kv.Key) ? 1.0 : 0.0);

        Assert.True(Rate(off: true) < Rate(off: false) - 0.05, $"response off benefit {Rate(true):F2}, on benefit {Rate(false):F2}");
    }

    [Fact]
    public void Survey_columns_are_exactly_the_bundled_instrument_items()
    {
        var columns = DataPackage.Canonical.Resource("survey_responses").Schema.Fields.Skip(3).Select(f => f.Name).Order(StringComparer.Ordinal);

        Assert.Equal(BundledInstruments.Catalog.Columns.Order(StringComparer.Ordinal), columns);
    }

    [Fact]
    public void Existing_files_are_not_overwritten_without_force()
    {
        var directory = Generate(4, "en-US", parallelism: 2);
        var before = Hashes(directory);

        Assert.Throws<IOException>(() => new SyntheticExtractGenerator().Generate(directory, new SyntheticOptions { Seed = 5 }));
        Assert.Equal(before, Hashes(directory));
    }

    private (double Share12, double Share27) ControlShares(int month)
    {
        var extract = seedOne.Extract!;
        var participants = extract.Participants!;
        var control = Enumerable.Range(0, participants.RowCount)
            .Where(i => participants.Strings("arm")[i] == "control")
            .ToDictionary(i => participants.Strings("person_id")[i]!, i => YearMonth.Of(participants.Dates("randomisation_date")[i]!.Value).AddMonths(month));
        var register = extract.RegisterMonths!;
        var ids = register.Strings("person_id");
        var rows = Enumerable.Range(0, register.RowCount).Where(r => control.TryGetValue(ids[r]!, out var m) && register.YearMonths("month")[r] == m).ToList();
        var hours = register.Numbers("contract_hours");
        var on = register.Booleans("on_benefit");
        return (rows.Average(r => hours[r] > 12 ? 1.0 : 0.0), rows.Average(r => hours[r] > 27 && on[r] == false ? 1.0 : 0.0));
    }

    private static double CronbachAlpha(Table survey, IReadOnlyList<InstrumentItem> items)
    {
        var columns = items.Select(i => survey.Integers(i.Column)).ToList();
        var complete = Enumerable.Range(0, survey.RowCount)
            .Where(r => columns.Zip(items).All(x => x.First[r] is { } v && x.Second.IsInRange((int)v)))
            .Select(r => columns.Zip(items).Select(x => x.Second.Score((int)x.First[r]!.Value)).ToArray())
            .ToList();
        double Variance(IEnumerable<double> xs)
        {
            var list = xs.ToList();
            var mean = list.Average();
            return list.Sum(x => (x - mean) * (x - mean)) / (list.Count - 1);
        }

        var k = items.Count;
        var itemVariance = Enumerable.Range(0, k).Sum(j => Variance(complete.Select(row => row[j])));
        return k / (k - 1.0) * (1 - (itemVariance / Variance(complete.Select(row => row.Sum()))));
    }

    private static string Generate(ulong seed, string culture, int parallelism)
    {
        var directory = Path.Combine(Path.GetTempPath(), "research-tests", Guid.NewGuid().ToString("N"));
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            new SyntheticExtractGenerator().Generate(directory, new SyntheticOptions { Seed = seed, Parallelism = parallelism });
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }

        return directory;
    }

    private static Dictionary<string, string> Hashes(string directory) =>
        System.IO.Directory.GetFiles(directory).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
