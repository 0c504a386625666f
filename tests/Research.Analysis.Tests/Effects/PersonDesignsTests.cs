using Research.Analysis.Effects;
using Research.Analysis.Reports;
using Research.Analysis.Tests.Reports;
using Research.Statistics.Design;

namespace Research.Analysis.Tests.Effects;

/// <summary>
/// A section reuses the design of its last sample only for a sample of the same persons under an adjustment that reads
/// nothing else; the design it returns is the one the adjustment would build.
/// </summary>
public sealed class PersonDesignsTests(SmallExtractFixture fixture) : IClassFixture<SmallExtractFixture>
{
    [Fact]
    public void Samples_of_the_same_persons_share_a_design_and_other_samples_get_their_own()
    {
        var context = ReportContext.Create(fixture.Extract, "utrecht");
        var (firstPerson, secondPerson) = (context.Persons[0], context.Persons[1]);
        var everyone = EffectSample.Create(context, p => p % 3, null, "everyone");
        var everyoneAgain = EffectSample.Create(context, p => p % 5, null, "everyone, another outcome");
        var withoutFirst = EffectSample.Create(context, p => p == firstPerson ? double.NaN : p % 2, null, "without the first");
        var withoutSecond = EffectSample.Create(context, p => p == secondPerson ? double.NaN : p % 2, null, "without the second");
        var designs = new PersonDesigns();

        var shared = designs.For(everyone, Adjustment.Unadjusted);
        Assert.Same(shared, designs.For(everyoneAgain, Adjustment.Unadjusted));
        SameDesign(Adjustment.Unadjusted.Design(everyoneAgain), shared);

        // As many persons, not the same ones: a design of its own.
        var first = designs.For(withoutFirst, Adjustment.Unadjusted);
        var second = designs.For(withoutSecond, Adjustment.Unadjusted);
        Assert.NotSame(shared, first);
        Assert.NotSame(first, second);
        SameDesign(Adjustment.Unadjusted.Design(withoutSecond), second);

        // The baseline adjustment reads each outcome's baseline: never shared.
        var baseline = EffectSample.Create(context, p => p % 2, p => p % 7, "with a baseline");
        Assert.NotSame(designs.For(baseline, Adjustment.BaselineOutcome), designs.For(baseline, Adjustment.BaselineOutcome));
    }

    private static void SameDesign(DesignMatrix expected, DesignMatrix actual)
    {
        Assert.Equal(expected.Names, actual.Names);
        for (var j = 0; j < expected.ColumnCount; j++)
        {
            Assert.Equal(expected.Column(j).ToArray(), actual.Column(j).ToArray());
        }
    }
}
