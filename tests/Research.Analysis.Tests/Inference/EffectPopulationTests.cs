using Research.Analysis.Inference;
using Research.Analysis.Outcomes;
using Research.Data;

namespace Research.Analysis.Tests.Inference;

/// <summary>The estimator's inputs built from an extract: the prognostic covariates come from the panel and the participants table.</summary>
public sealed class EffectPopulationTests
{
    private static readonly Lazy<Extract> Extract = new(() => Research.Data.Extract.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Outcomes", "extract")));

    private static (OutcomePanel Panel, EffectPopulation Population) Deventer()
    {
        var extract = Extract.Value;
        var panel = OutcomePanel.FromExtract(extract);
        return (panel, EffectPopulation.Create(panel, extract.Experiments["deventer"], BaselineCharacteristics.FromTable(extract.Participants!)));
    }

    [Fact]
    public void Covariates_are_the_pre_specified_set_from_the_register_and_the_participants()
    {
        var (panel, population) = Deventer();
        var participants = Extract.Value.Participants!;
        var prior = panel.PreRandomisation(Outcome.PartialOrFullOutflow, 12);
        var priorOf = Enumerable.Range(0, prior.Count).ToDictionary(i => prior.Persons[i], i => prior.Values[i]);

        Assert.True(population.Persons.Count >= 10, $"only {population.Persons.Count} persons of deventer in the fixture");
        for (var k = 0; k < population.Persons.Count; k++)
        {
            var p = population.Persons[k];
            Assert.Equal("deventer", panel.Municipality[p]);
            Assert.Equal(priorOf[p], population.Covariates.PriorPartialShare[k]);
            Assert.Equal(panel.RandomisationMonth[p].Year - participants.Integers("birth_year")[p]!.Value, population.Covariates.Age[k]);
            Assert.Equal(participants.Numbers("earnings_prev_year")[p]!.Value, population.Covariates.EarningsPrevYear[k]);
            Assert.Equal(participants.Strings("education_level")[p], population.Covariates.Education[k]);
            Assert.Equal(panel.Caseworker[p], population.Caseworkers[k]);
            Assert.Equal(panel.Arm[p], population.Arms[k].Code);
            Assert.Equal(panel.TookUp[p], population.TookUp[k]);
        }

        var design = population.Covariates.Design();
        Assert.Equal(["prior_partial_share", "log_earnings_prev_year", "log_benefit_months", "age"], design.Names.Take(4));
        Assert.Contains(design.Terms, t => t.Name == "stratum");
        Assert.Contains(design.Terms, t => t.Name == "migration");
        Assert.DoesNotContain(design.Terms, t => t.Kind == Research.Statistics.Design.TermKind.Intercept);
    }

    [Fact]
    public void Persons_a_measure_leaves_out_have_no_outcome()
    {
        var (panel, population) = Deventer();
        var measure = panel.At(Outcome.FullOutflow, 24, Coverage.ExcludeUncovered);

        var data = population.For(measure);

        var included = new HashSet<int>(measure.Persons.ToArray());
        for (var k = 0; k < data.Count; k++)
        {
            Assert.Equal(included.Contains(population.Persons[k]), !double.IsNaN(data.Outcome[k]));
        }

        Assert.Equal(data.ObservedRows().Count, population.Persons.Count(included.Contains));
    }

    [Fact]
    public void A_level_rare_in_some_arm_is_merged_with_the_most_common_level()
    {
        var data = GroningenFixture.Load("full_outflow");
        // Four persons of one arm become "western" where the rest of that arm is not: too few to have a slope of their own there.
        var arm = data.Experiment.Arm("extra_hulp")!;
        var chosen = Enumerable.Range(0, data.Count).Where(i => data.Arms[i] == arm).Take(4).ToHashSet();
        var migration = data.Covariates.Migration.Select((m, i) => chosen.Contains(i) ? "western_rare" : m).ToArray();
        var covariates = data.Covariates with { Migration = migration };

        Assert.Contains("migration[western_rare]", covariates.Design().Names);
        Assert.DoesNotContain("migration[western_rare]", covariates.Design(data.Arms).Names);
        Assert.Equal(covariates.Design().ColumnCount - 1, covariates.Design(data.Arms).ColumnCount);
    }

    [Fact]
    public void An_unrecorded_education_is_a_level_and_a_missing_number_is_an_error()
    {
        var (_, population) = Deventer();
        var covariates = population.Covariates with { Education = population.Covariates.Education.Select((e, i) => i % 3 == 0 ? null : e).ToArray() };

        var design = covariates.Design();
        Assert.Contains($"education[{PrognosticCovariates.EducationUnknown}]", design.Names);

        var broken = covariates with { Age = covariates.Age.Select((a, i) => i == 2 ? double.NaN : a).ToArray() };
        var error = Assert.Throws<ArgumentException>(() => broken.Design());
        Assert.Contains("age of person 2", error.Message, StringComparison.Ordinal);
    }
}
