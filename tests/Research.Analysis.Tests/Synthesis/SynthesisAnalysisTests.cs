using System.Globalization;
using Research.Analysis.Results;
using Research.Analysis.Synthesis;
using Research.Data.Design;
using Research.Statistics.MetaAnalysis;
using Research.Data.Truth;

namespace Research.Analysis.Tests.Synthesis;

public sealed class SynthesisAnalysisTests
{
    private static SynthesisAnalysis Run(PlantedEffects? truth = null) =>
        SynthesisAnalysis.Run(SiteResults.Estimates(SiteFixture.ResultFiles()), ExperimentCatalog.Canonical, truth);

    [Fact]
    public void The_component_meta_regression_matches_rma_mv_with_the_shared_control_covariance()
    {
        // Fixtures/Synthesis/make_expected.R: rma.mv over the non-self-chosen arms at each site's primary horizon,
        // ~ 0 + components from data-schema/experiments.json, shared-control covariance, (t(df)/z)^2 inflation; REML and FE.
        var synthesis = Run();
        var expected = SiteFixture.Read("components_expected.csv");
        Assert.Equal(expected.Count, synthesis.Components.Count);
        foreach (var row in expected)
        {
            var key = $"{row["component"]}|{row["model"]}";
            var actual = synthesis.Components.Single(c => c.Component.Key == row["component"] && c.Model.Key == row["model"]);
            Assert.Equal((int)SiteFixture.Number(row["k"])!.Value, actual.Model.K);
            Near(SiteFixture.Number(row["estimate"])!.Value, actual.Coefficient.Estimate, 1e-8, key, "estimate");
            Near(SiteFixture.Number(row["se"])!.Value, actual.Coefficient.StandardError, 1e-8, key, "se");
            Near(SiteFixture.Number(row["ci_low"])!.Value, actual.Coefficient.ConfidenceLow, 1e-8, key, "ci_low");
            Near(SiteFixture.Number(row["ci_high"])!.Value, actual.Coefficient.ConfidenceHigh, 1e-8, key, "ci_high");
            Near(SiteFixture.Number(row["p"])!.Value, actual.Coefficient.PValue, 1e-8, key, "p");
            Assert.True(Math.Abs(SiteFixture.Number(row["tau2"])!.Value - actual.Model.Fit.Tau2) < 1e-10, $"{key} tau2");
        }

        // Each single-component type pool is beside its component, and the table publishes both with their difference.
        var table = SynthesisTables.Components(synthesis);
        var intensification = table["intensification|partial_full_outflow|reml"];
        Assert.Equal(synthesis["intensification", "partial_full_outflow", TypeMetaAnalysis.PrimaryHorizon, SynthesisMethod.RemlHksj].Estimate, intensification["type_pool"]);
        Assert.Equal((intensification[ResultValue.Estimate] - intensification["type_pool"])!.Value, intensification["difference"]!.Value, 15);
        Assert.Null(table["bonus|partial_full_outflow|reml"]["type_pool"]);
    }

    [Fact]
    public void Meta_table_matches_metafor()
    {
        var meta = SynthesisTables.Meta(Run());
        var expected = SiteFixture.Read("meta_expected.csv");

        Assert.Equal(expected.Count, meta.Rows.Count);
        foreach (var row in expected)
        {
            var key = $"{row["type"]}|{row["outcome"]}|{row["horizon"]}|{row["method"]}";
            var actual = meta[key];
            Assert.Equal(double.Parse(row["k"], CultureInfo.InvariantCulture), actual["k"]);
            // REML is iterative (metafor's Fisher scoring run to 1e-14, ours to its own tolerance): 1e-7 relative; DL is closed form.
            var tolerance = row["method"] == "dl" ? 1e-9 : 1e-7;
            foreach (var name in new[] { "estimate", "se" })
            {
                Near(SiteFixture.Number(row[name])!.Value, actual[name], tolerance, key, name);
            }

            if (row["k"] == "1")
            {
                Assert.Null(actual["tau2"]);
                Assert.Null(actual["pi_low"]);
                Assert.Contains("k = 1", actual.Labels["note"]);
                continue;
            }

            foreach (var name in new[] { "ci_low", "ci_high", "p", "q", "q_p", "pi_low", "pi_high", "h2" })
            {
                Near(SiteFixture.Number(row[name])!.Value, actual[name], tolerance, key, name);
            }

            // τ² of earnings_disregard|primary sits on the boundary (metafor 3.5e-15): compare τ² and I² absolutely.
            Assert.True(Math.Abs(SiteFixture.Number(row["tau2"])!.Value - actual["tau2"]!.Value) < 1e-10, $"{key} tau2");
            Assert.True(Math.Abs(SiteFixture.Number(row["i2"])!.Value - actual["i2"]!.Value) < 1e-5, $"{key} i2");
        }
    }

    [Fact]
    public void Type_differences_match_metafor()
    {
        var table = SynthesisTables.TypeDifferences(Run());
        foreach (var row in SiteFixture.Read("type_differences_expected.csv"))
        {
            var actual = table[$"{row["outcome"]}|{row["horizon"]}"];
            Near(SiteFixture.Number(row["q_between"])!.Value, actual["q_between"], 1e-7, "q_between", row["horizon"]);
            Near(SiteFixture.Number(row["p"])!.Value, actual["p"], 1e-7, "p", row["horizon"]);
            Assert.Equal(SiteFixture.Number(row["df"]), actual["df"]);
        }
    }

    [Fact]
    public void Meta_rows_equal_direct_MetaAnalyzer_fits()
    {
        var synthesis = Run();
        foreach (var analysis in synthesis.MetaAnalyses.Where(a => a.K >= 2))
        {
            var direct = MetaAnalyzer.Fit(
                StudyEffects.FromStandardErrors(analysis.Sites.Select(s => s.Estimate).ToArray(), analysis.Sites.Select(s => s.PoolingStandardError).ToArray()),
                analysis.Method.Options);
            var row = SynthesisTables.Meta(synthesis)[analysis.Key];
            Assert.Equal(direct.Estimate, row["estimate"]);
            Assert.Equal(direct.StandardError, row["se"]);
            Assert.Equal(direct.ConfidenceInterval.Lower, row["ci_low"]);
            Assert.Equal(direct.PredictionInterval!.Value.Upper, row["pi_high"]);
            Assert.Equal(direct.Heterogeneity.Tau2, row["tau2"]);
        }
    }

    [Fact]
    public void The_primary_horizon_pools_each_site_at_its_own_and_single_site_horizons_are_not_pooled()
    {
        var synthesis = Run();
        var exemption = synthesis["exemption", "partial_full_outflow", TypeMetaAnalysis.PrimaryHorizon, SynthesisMethod.RemlHksj];

        Assert.Equal(4, exemption.K);
        Assert.Equal(16, exemption.Sites.Single(s => s.Site == "utrecht").HorizonMonths);
        Assert.Equal(22, exemption.Sites.Single(s => s.Site == "wageningen").HorizonMonths);
        Assert.Equal(2, exemption.Sites.Single(s => s.Site == "deventer").Arms.Count);
        Assert.DoesNotContain(synthesis.MetaAnalyses, a => a.Horizon is "16" or "22");
    }

    [Fact]
    public void Withheld_estimates_are_left_out_and_named()
    {
        var synthesis = Run();
        var disregard = synthesis["earnings_disregard", "partial_full_outflow", "24", SynthesisMethod.RemlHksj];

        Assert.Equal(2, disregard.K);
        Assert.Equal("wageningen", Assert.Single(disregard.Withheld).Site);
        Assert.Contains(SynthesisTables.Meta(synthesis).Footnotes, f => f.Contains("wageningen (", StringComparison.Ordinal) && f.Contains("vrijlating, Works more than 12 h a week", StringComparison.Ordinal));
        Assert.Null(SynthesisTables.Sites(synthesis)["wageningen|vrijlating|partial_full_outflow|24"]["estimate"]);
    }

    [Fact]
    public void Planted_effects_are_compared_site_by_site_and_for_the_pooled_estimate()
    {
        var truth = new PlantedEffects(new TruthFile(3, 1, "test",
        [
            new MunicipalityTruth("utrecht", 700,
            [
                new ArmTruth("zelf_in_actie", "exemption", [new PlantedEffect("partial_full_outflow", 16, 0.12, 0.0, 1, 0.0)], new Dictionary<string, double>()),
                new ArmTruth("met_extra_hulp", "intensification", [new PlantedEffect("partial_full_outflow", 16, 0.12, 0.2, 1, 0.2)], new Dictionary<string, double>()),
            ]),
            new MunicipalityTruth("wageningen", 400,
            [
                new ArmTruth("vrijlating", "earnings_disregard", [new PlantedEffect("partial_full_outflow", 24, 0.16, 0.05, 1, 0.05)], new Dictionary<string, double>()),
            ]),
        ]));
        var synthesis = Run(truth);
        var sites = SynthesisTables.Sites(synthesis);

        Assert.Equal(0.0, sites["utrecht|zelf_in_actie|partial_full_outflow|16"]["truth"]);
        Assert.Equal(1, sites["utrecht|zelf_in_actie|partial_full_outflow|16"]["covered"]);
        Assert.Equal(0, sites["utrecht|met_extra_hulp|partial_full_outflow|16"]["covered"]);
        Assert.Null(sites["utrecht|werken_loont|partial_full_outflow|16"]["truth"]);
        Assert.Null(sites["wageningen|vrijlating|partial_full_outflow|24"]["covered"]);

        // Pooled: the planted effects of the pooled sites weighted like the meta-analysis; unknown when one site lacks a truth.
        Assert.Null(SynthesisTables.Meta(synthesis)["exemption|partial_full_outflow|primary|reml_hksj"]["truth"]);
        var single = new PlantedEffects(new TruthFile(3, 1, "test",
            new[] { "deventer", "groningen", "utrecht", "wageningen" }.Select(m => new MunicipalityTruth(m, 1, synthesis.Estimates.Where(e => e.Site == m && e.Type == "exemption")
                .GroupBy(e => e.Arm).Select(g => new ArmTruth(g.Key, "exemption", g.Select(e => new PlantedEffect(e.Outcome, e.HorizonMonths, 0.1, 0.04, 1, 0.04)).ToList(), new Dictionary<string, double>())).ToList())).ToList()));
        var pooled = SynthesisTables.Meta(SynthesisAnalysis.Run(synthesis.Estimates, ExperimentCatalog.Canonical, single))["exemption|partial_full_outflow|primary|reml_hksj"];
        Assert.Equal(0.04, pooled["truth"]!.Value, 1e-14);
    }

    [Fact]
    public void Result_file_is_deterministic_and_culture_proof()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            var first = SynthesisTables.File(Run()).ToJson();
            CultureInfo.CurrentCulture = new CultureInfo("nl-NL");
            var second = SynthesisTables.File(Run()).ToJson();
            Assert.Equal(first, second);
            Assert.DoesNotContain("NaN", first);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    private static void Near(double expected, double? actual, double relative, string key, string name)
    {
        Assert.True(actual is not null, $"{key} {name} is null");
        var scale = Math.Max(Math.Abs(expected), 1e-12);
        Assert.True(Math.Abs(expected - actual!.Value) <= relative * scale, $"{key} {name}: expected {expected:R}, got {actual:R}");
    }
}
