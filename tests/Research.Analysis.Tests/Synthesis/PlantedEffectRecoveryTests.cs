using System.Globalization;
using Research.Analysis.Results;
using Research.Analysis.Synthesis;
using Xunit.Abstractions;

namespace Research.Analysis.Tests.Synthesis;

/// <summary>One synthetic run of all six experiments (seed 7, scale 1), shared by the tests below.</summary>
public sealed class SyntheticRunFixture : IDisposable
{
    internal SyntheticSites Sites { get; } = SyntheticSites.Generate(7);

    /// <inheritdoc />
    public void Dispose() => Sites.Dispose();
}

public sealed class PlantedEffectRecoveryTests(SyntheticRunFixture run, ITestOutputHelper output) : IClassFixture<SyntheticRunFixture>
{
    private SynthesisAnalysis Synthesis() => SynthesisAnalysis.Run(
        SiteResults.Estimates(run.Sites.Results), run.Sites.Extract.Experiments, PlantedEffects.TryLoad(run.Sites.Directory));

    [Fact]
    public void Site_intervals_at_the_primary_horizon_cover_the_planted_effects()
    {
        var rows = SynthesisTables.Sites(Synthesis()).Rows.Where(r => r.Labels["primary"] == "yes").ToList();
        var covered = rows.Where(r => r["estimate"] is not null).Select(r => r["covered"]).ToList();

        // Only estimates withheld by disclosure control (Nijmegen's full outflow: too few persons in the outcome) lack a comparison.
        Assert.All(rows.Where(r => r["estimate"] is null), r => Assert.Null(r["covered"]));
        Assert.DoesNotContain(null, covered);
        var hits = covered.Count(c => c == 1);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed 7: {hits}/{covered.Count} site intervals at the primary horizon cover the truth"));
        // At 95% coverage, fewer than n − 7 hits among about 55 intervals has probability below 0.005.
        Assert.True(hits >= covered.Count - 7, string.Join("; ", rows.Where(r => r["covered"] == 0).Select(r => r.Key)));
    }

    [Fact]
    public void Pooled_intervals_cover_the_weighted_planted_effects()
    {
        var rows = SynthesisTables.Meta(Synthesis()).Rows
            .Where(r => r.Labels["method"] == "reml_hksj" && r.Labels["horizon"] == "primary" && r["k"] >= 2).ToList();
        var covered = rows.Select(r => r["covered"]).ToList();

        Assert.DoesNotContain(null, covered);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed 7: {covered.Count(c => c == 1)}/{covered.Count} pooled REML-HKSJ intervals cover the weighted truth"));
        Assert.True(covered.Count(c => c == 1) >= covered.Count - 1, string.Join("; ", rows.Where(r => r["covered"] == 0).Select(r => r.Key)));
    }

    [Fact]
    public void Reproducing_from_the_raw_extracts_finds_no_difference_but_reports_one_when_a_file_was_altered()
    {
        Assert.Empty(Reproduction.Compare(run.Sites.Results, run.Sites.Extract));

        var utrecht = run.Sites.Results.Single(r => r.Site == "utrecht");
        var table = utrecht[SiteResults.ClusteredIttTable];
        var first = table.Rows[0];
        var altered = utrecht with
        {
            Tables = [.. utrecht.Tables.Select(t => t.Name != table.Name ? t
                : table with { Rows = [first with { Values = new Dictionary<string, double?>(first.Values) { [ResultValue.Estimate] = first[ResultValue.Estimate] + 0.01 } }, .. table.Rows.Skip(1)] })],
        };

        var difference = Assert.Single(Reproduction.Compare([altered], run.Sites.Extract));
        Assert.Equal(first.Key, difference.Row);
        Assert.Equal(ResultValue.Estimate, difference.Value);
    }

    [Fact]
    public void Pooled_individual_model_estimates_every_type_and_outcome()
    {
        var pooled = PooledIndividualModel.Publish(run.Sites.Extract);

        Assert.Equal(15, pooled.Rows.Count);
        foreach (var type in SynthesisAnalysis.TypeOrder)
        {
            var row = pooled[$"{type}|partial_full_outflow|24"];
            Assert.True(row["se"] > 0);
            Assert.True(row["ci_low"] < row["estimate"] && row["estimate"] < row["ci_high"]);
            Assert.Equal(row["n"], pooled[$"{type}|benefit_independence|24"]["n"]);
        }
    }
}
