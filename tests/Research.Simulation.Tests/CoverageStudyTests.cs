using Research.Analysis.Inference;
using Research.Analysis.Outcomes;

namespace Research.Simulation.Tests;

/// <summary>
/// A small version of the coverage-and-size study (the full one is <c>bench coverage --reps 500</c>): it runs every
/// part for one site, reproduces whatever the parallelism, and its intervals cover the planted effects about as often
/// as they should.
/// </summary>
public sealed class CoverageStudyTests
{
    private static readonly StudyOptions Small = new()
    {
        Replications = 6,
        Sites = ["utrecht"],
        Methods = [InferenceMethod.Cr2, InferenceMethod.Randomisation],
        Estimator = new StudyOptions().Estimator with { RandomisationDraws = 99 },
    };

    private static readonly Lazy<StudyResult> Result = new(() => CoverageStudy.Run(Small with { Parallelism = 2 }));

    [Fact]
    public void The_intervals_cover_the_planted_effects()
    {
        var intervals = Result.Value.Effects.Where(d => d.World == World.PlantedEffects && d.Method == InferenceMethod.Cr2 && d.Rule == IntervalRule.Method).ToList();

        // Six replications, three arms, two outcomes: an empty or truncated list cannot pass.
        Assert.Equal(36, intervals.Count);
        Assert.DoesNotContain(intervals, d => d.Failed);
        Assert.All(intervals, d => Assert.True(d.ConfidenceInterval.Lower < d.Estimate && d.Estimate < d.ConfidenceInterval.Upper));
        // At 95% coverage, more than 7 misses among 36 has probability below 0.001.
        Assert.True(intervals.Count(d => d.Covers) >= 29, $"{intervals.Count(d => d.Covers)} of 36 cover");
        Assert.Contains(intervals, d => d.Truth > 0.07);
    }

    [Fact]
    public void Every_part_of_the_study_is_reported()
    {
        var result = Result.Value;
        var text = StudyReport.Format(result, "coverage --reps 6 --sites utrecht", TimeSpan.FromSeconds(1));

        Assert.Equal(2 * 6 * 3 * 2 * 3, result.Effects.Count);   // worlds × replications × arms × outcomes × (CR2, CR2 ≥ HC2, RI)
        Assert.Equal(2 * 6 * 3, result.Families.Count);
        Assert.Equal(2 * 6 * 3, result.Wellbeing.Count);
        Assert.All(StudyReport.Methods(result), m => Assert.True(m.SizeDraws == 18 && m.CoverageDraws == 18));
        Assert.Equal(6, StudyReport.Bias(result).Count);
        foreach (var part in new[] { "1. Register outcomes", "2. Family-wise rate", "3. Recovery", "4. Wellbeing summary index", "met_extra_hulp", "CR2 (BM df), >= HC2" })
        {
            Assert.Contains(part, text, StringComparison.Ordinal);
        }

        Assert.Contains(result.Wellbeing, d => d.FullResponse is not null && d.CompleteCase is not null && d.Weighted is not null && d.Bounds is not null);
        Assert.All(result.Wellbeing.Where(d => d.World == World.NoEffects), d => Assert.Null(d.FullResponse));
    }

    [Fact]
    public void The_study_does_not_depend_on_the_parallelism()
    {
        var sequential = CoverageStudy.Run(Small with { Replications = 2, Parallelism = 1, Wellbeing = false });
        var parallel = CoverageStudy.Run(Small with { Replications = 2, Parallelism = 2, Wellbeing = false });

        Assert.Equal(sequential.Effects, parallel.Effects);
        Assert.Equal(StudyReport.Format(sequential, "x", TimeSpan.Zero), StudyReport.Format(parallel, "x", TimeSpan.Zero));
        Assert.Contains(sequential.Effects, d => d.Outcome == Outcome.FullOutflow);
    }
}
