using Research.Analysis.Inference;
using Research.Data.Design;

namespace Research.Analysis.Tests.Inference;

/// <summary>Rare factor levels are merged arm by arm before they enter Lin's design.</summary>
public sealed class PrognosticCovariatesTests
{
    private const int PerArm = 20;

    private static readonly ExperimentArm[] Arms = [.. ExperimentCatalog.Canonical["nijmegen"].Arms.SelectMany(a => Enumerable.Repeat(a, PerArm))];

    private static int ArmOf(int person) => person / PerArm;

    private static int PlaceInArm(int person) => person % PerArm;

    private static PrognosticCovariates With(string[] sex, string[] migration)
    {
        var n = Arms.Length;
        var numeric = Enumerable.Range(0, n).Select(i => (double)(i % 7)).ToArray();
        return new PrognosticCovariates(numeric, numeric, numeric, numeric, sex, Enumerable.Repeat<string?>("middle", n).ToArray(), migration, Enumerable.Repeat("all", n).ToArray());
    }

    [Fact]
    public void A_level_with_fewer_than_five_persons_in_some_arm_joins_the_most_common_level()
    {
        var lastArm = ArmOf(Arms.Length - 1);

        // "western": five in every arm (kept); "other": five in every arm but the first, which has four (merged);
        // "rare": four in the last arm only, none elsewhere (merged); "dutch": the rest, the most common.
        var migration = Enumerable.Range(0, Arms.Length).Select(i => PlaceInArm(i) switch
        {
            < 5 => "western",
            < 9 => "other",
            9 => ArmOf(i) == 0 ? "dutch" : "other",
            < 14 when ArmOf(i) == lastArm => "rare",
            _ => "dutch",
        }).ToArray();
        var sex = Enumerable.Range(0, Arms.Length).Select(i => i % 2 == 0 ? "f" : "m").ToArray();

        var design = With(sex, migration).Design(Arms);

        var levels = design.Names.Where(name => name.StartsWith("migration[", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["migration[western]"], levels);
        var western = design.Column("migration[western]");
        for (var i = 0; i < Arms.Length; i++)
        {
            Assert.Equal(migration[i] == "western" ? 1.0 : 0.0, western[i]);
        }

        // Kept whole without arms.
        Assert.Contains("migration[rare]", With(sex, migration).Design().Names);
    }

    [Fact]
    public void Ties_for_the_most_common_level_go_to_the_first_in_ordinal_order()
    {
        // As many "f" as "m" once one of each becomes "x", a level of two persons of one arm: "x" joins "f", the first of
        // the tied levels.
        var sex = Enumerable.Range(0, Arms.Length).Select(i => i % 2 == 0 ? "f" : "m").ToArray();
        sex[0] = "x";
        sex[1] = "x";
        var migration = Enumerable.Repeat("dutch", Arms.Length).ToArray();

        var design = With(sex, migration).Design(Arms);

        Assert.DoesNotContain("sex[x]", design.Names);
        Assert.Equal(0.0, design.Column("sex[m]")[1]);
        Assert.Equal(sex.Count(s => s == "m"), design.Column("sex[m]").ToArray().Sum());
    }
}
