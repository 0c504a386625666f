using Research.Analysis.Reports;
using Research.Data.Design;

namespace Research.Analysis.Tests.Reports;

/// <summary>The wellbeing section's split of scores by arm and wave: what a filter per arm and wave would give.</summary>
public sealed class ArmWaveCellsTests
{
    [Fact]
    public void Scores_split_by_arm_and_wave_as_a_filter_per_cell_gives_them()
    {
        var arms = new[] { Arm("control"), Arm("vrijlating"), Arm("ontheffing") };
        var random = new Random(3);
        const int rows = 500;
        var armOf = Enumerable.Range(0, rows).Select(_ => new[] { "control", "vrijlating", "ontheffing", "elsewhere" }[random.Next(4)]).ToArray();
        var waves = Enumerable.Range(0, rows).Select(_ => new[] { 3, 1, 2 }[random.Next(3)]).ToArray();
        var scores = Enumerable.Range(0, rows).Select(i => random.Next(5) == 0 ? (double?)null : i + random.NextDouble()).ToArray();

        var cells = new ArmWaveCells(arms, armOf, waves);
        var split = cells.Split(scores);

        Assert.Equal([1, 2, 3], cells.Waves);
        Assert.Equal(arms.Length * 3, split.Length);
        for (var a = 0; a < arms.Length; a++)
        {
            for (var w = 0; w < cells.Waves.Count; w++)
            {
                var expected = Enumerable.Range(0, rows)
                    .Where(i => armOf[i] == arms[a].Code && waves[i] == cells.Waves[w] && scores[i] is not null)
                    .Select(i => scores[i]!.Value);
                Assert.Equal(expected, split[cells.Index(a, w)]);
            }
        }
    }

    private static ExperimentArm Arm(string code) => new() { Code = code, NameNl = code, NameEn = code, Interventions = [], Description = code };
}
