using Research.Scales.Instruments;

namespace Research.Scales.Tests.Instruments;

public class InstrumentCatalogTests
{
    [Fact]
    public void Loads_every_shipped_instrument()
    {
        var ids = ShippedInstruments.Catalog.Instruments.Select(i => i.Id).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["cantril", "djg11", "djg6", "gse", "k10", "ls_cbs", "mhi5", "pearlin_mastery", "rand36_gh", "rses", "srh", "swls", "trust_general", "trust_institutional", "who5"],
            ids);
    }

    [Theory]
    [InlineData("who5", "who5_", 5)]
    [InlineData("swls", "swls_", 5)]
    [InlineData("mhi5", "mhi5_", 5)]
    [InlineData("gse", "gse_", 10)]
    [InlineData("pearlin_mastery", "mastery_", 7)]
    [InlineData("rses", "rses_", 10)]
    [InlineData("djg6", "djg6_", 6)]
    [InlineData("djg11", "djg11_", 11)]
    [InlineData("k10", "k10_", 10)]
    public void Item_columns_follow_the_survey_names(string id, string prefix, int count)
    {
        var columns = ShippedInstruments.Get(id).Items.Select(i => i.Column);
        Assert.Equal(Enumerable.Range(1, count).Select(k => prefix + k), columns);
    }

    [Fact]
    public void Other_survey_columns_are_declared()
    {
        var columns = ShippedInstruments.Catalog.Columns;
        string[] expected =
        [
            "cantril_present", "cantril_future", "ls_cbs", "rand36_1", "rand36_33", "rand36_34", "rand36_35", "rand36_36",
            "trust_general", "trust_parliament", "trust_legal", "trust_police", "trust_politicians", "trust_municipality",
        ];
        Assert.All(expected, c => Assert.Contains(c, columns));
        Assert.Contains(ShippedInstruments.Get("srh").Items, i => i.Column == "rand36_1");
    }

    [Fact]
    public void Survey_missing_codes_are_in_every_file_and_k10_adds_onbekend()
    {
        Assert.All(ShippedInstruments.Catalog.Instruments, i =>
        {
            Assert.Equal("don't know", i.MissingCodes[-1]);
            Assert.Equal("refused", i.MissingCodes[-9]);
        });
        Assert.Equal("onbekend", ShippedInstruments.Get("k10").MissingCodes[9]);
    }

    [Fact]
    public void Reverse_keys_and_subscales_are_read()
    {
        var mastery = ShippedInstruments.Get("pearlin_mastery");
        Assert.Equal(["mastery_1", "mastery_2", "mastery_3", "mastery_5", "mastery_7"], mastery.Items.Where(i => i.Reverse).Select(i => i.Column));
        var rses = ShippedInstruments.Get("rses");
        Assert.Equal(["rses_2", "rses_5", "rses_6", "rses_8", "rses_9"], rses.Items.Where(i => i.Reverse).Select(i => i.Column));
        var djg11 = ShippedInstruments.Get("djg11");
        Assert.Equal(["social", "emotional"], djg11.Subscales);
        Assert.Equal(6, djg11.Score("emotional").Items.Count);
        Assert.Equal(5, djg11.Score("social").Items.Count);
    }

    [Fact]
    public void Rules_lacking_in_the_reference_are_marked_not_found()
    {
        Assert.Equal(BasisStatus.NotFound, ShippedInstruments.Get("who5").Score("raw").Missing.Basis.Status);
        Assert.Equal(BasisStatus.NotFound, ShippedInstruments.Get("swls").Score("total").Missing.Basis.Status);
        Assert.Equal(BasisStatus.NotFound, ShippedInstruments.Get("rses").Score("total").Missing.Basis.Status);
        Assert.Equal(BasisStatus.NotFound, ShippedInstruments.Get("djg11").Score("total").Missing.Basis.Status);
        Assert.Equal(BasisStatus.Unverified, ShippedInstruments.Get("trust_institutional").Score("mean").Basis.Status);
        Assert.Equal(BasisStatus.Sourced, ShippedInstruments.Get("k10").Score("total").Missing.Basis.Status);
        Assert.Equal(MissingHandling.SampleItemMean, ShippedInstruments.Get("k10").Score("total").Missing.Handling);
    }

    [Fact]
    public void Every_band_scheme_cites_its_basis()
    {
        var schemes = ShippedInstruments.Catalog.Instruments.SelectMany(i => i.Scores).SelectMany(s => s.BandSchemes).ToList();
        Assert.NotEmpty(schemes);
        Assert.All(schemes, s => Assert.True(s.Basis.Sources.Count > 0 || s.Basis.Status == BasisStatus.NotFound, s.Id));
    }

    [Fact]
    public void Missing_directory_is_reported()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => InstrumentCatalog.LoadDirectory("/nonexistent/instruments"));
        Assert.Contains("/nonexistent/instruments", e.Message);
    }

    [Fact]
    public void Bundled_catalog_matches_the_directory()
    {
        Assert.Equal(
            ShippedInstruments.Catalog.Instruments.Select(i => i.Id),
            BundledInstruments.Catalog.Instruments.Select(i => i.Id));
        Assert.Equal(ShippedInstruments.Catalog.Columns, BundledInstruments.Catalog.Columns);
    }
}
