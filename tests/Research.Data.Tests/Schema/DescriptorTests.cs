using Research.Data.Design;
using Research.Data.Schema;

namespace Research.Data.Tests.Schema;

public sealed class DescriptorTests
{
    [Fact]
    public void The_canonical_package_has_the_three_tables_with_keys()
    {
        var package = DataPackage.Canonical;

        Assert.Equal(["participants", "register_months", "survey_responses"], package.Resources.Select(r => r.Name));
        Assert.Equal(["person_id", "month"], package.Resource("register_months").Schema.PrimaryKey);
        Assert.Equal("participants", package.Resource("survey_responses").Schema.ForeignKeys.Single().ReferencedResource);
        Assert.Equal(["", "-1", "-9", "9"], package.Resource("survey_responses").Schema.Field("k10_1")!.MissingValues);
    }

    [Theory]
    [InlineData("{", "line 1")]
    [InlineData("{\"name\":\"x\"}", "$.resources")]
    [InlineData("{\"name\":\"x\",\"resources\":[{\"name\":\"t\",\"path\":\"t.csv\",\"schema\":{\"fields\":[{\"name\":\"a\",\"type\":\"decimal\"}]}}]}", "$.resources[0].schema.fields[0].type")]
    [InlineData("{\"name\":\"x\",\"resources\":[{\"name\":\"t\",\"path\":\"t.csv\",\"schema\":{\"fields\":[{\"name\":\"a\",\"type\":\"integer\",\"constraints\":{\"maximum\":\"ten\"}}]}}]}", "$.resources[0].schema.fields[0].constraints.maximum")]
    [InlineData("{\"name\":\"x\",\"resources\":[{\"name\":\"t\",\"path\":\"t.csv\",\"dialect\":{\"delimiter\":\";;\"},\"schema\":{\"fields\":[]}}]}", "$.resources[0].dialect.delimiter")]
    [InlineData("{\"name\":\"x\",\"resources\":[{\"name\":\"t\",\"path\":\"t.csv\",\"schema\":{\"fields\":[{\"name\":\"a\"}],\"primaryKey\":\"b\"}}]}", "$.resources[0].schema.primaryKey")]
    public void Malformed_descriptors_name_the_property(string json, string location)
    {
        var e = Assert.Throws<DescriptorException>(() => DataPackage.Parse(json, "bad.json"));

        Assert.Equal("bad.json", e.File);
        Assert.Equal(location, e.Location);
    }

    [Fact]
    public void The_six_experiments_are_calibrated_to_the_brief()
    {
        var catalog = ExperimentCatalog.Canonical;

        Assert.Equal(["deventer", "groningen", "nijmegen", "tilburg", "utrecht", "wageningen"], catalog.Experiments.Select(e => e.Municipality));
        Assert.All(catalog.Experiments, e => Assert.InRange(e.Participants, 304, 890));
        Assert.Equal("combination", catalog["tilburg"].Arm("zelfsturing_en_verdienen")!.TypeLabel);
        Assert.All(catalog["nijmegen"].TreatmentArms, a => Assert.Equal("combination", a.TypeLabel));
        Assert.True(catalog["groningen"].Arm("individueel_maatwerk")!.ComponentSelfChosen);
        Assert.Equal(4, catalog["nijmegen"].SurveyWaves.Count);
    }

    [Fact]
    public void A_malformed_catalog_names_file_and_field()
    {
        var e = Assert.Throws<DescriptorException>(() => ExperimentCatalog.Parse(
            "{\"experiments\":[{\"municipality\":\"x\",\"nameNl\":\"X\",\"title\":\"t\",\"invited\":10,\"participants\":5,\"intakeStart\":\"2018-01-01\",\"intakeEnd\":\"2018-02-01\",\"interventionEnd\":\"2019-01-01\",\"primaryHorizonMonths\":12,\"arms\":[{\"code\":\"control\",\"nameNl\":\"c\",\"nameEn\":\"c\",\"interventions\":[\"free money\"],\"description\":\"d\"}],\"surveyWaves\":[]}]}",
            "experiments.json"));

        Assert.Equal("$.experiments[0].interventions[0]".Replace("interventions", "arms[0].interventions"), e.Location);
        Assert.Contains("free money", e.Message);
    }
}

public sealed class CodebookTests
{
    [Fact]
    public void The_committed_codebook_is_up_to_date()
    {
        // The test project copies data-schema/codebook.md next to the test assembly.
        var committed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "committed", "codebook.md"));

        Assert.Equal(Codebook.ToMarkdown(DataPackage.Canonical, ExperimentCatalog.Canonical), committed);
    }
}
