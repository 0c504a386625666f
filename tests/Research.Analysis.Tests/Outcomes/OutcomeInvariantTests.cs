using Research.Analysis.Outcomes;
using Research.Data;
using Research.Synthetic;

namespace Research.Analysis.Tests.Outcomes;

/// <summary>Relations every panel built from a valid extract must satisfy, on a freshly generated extract.</summary>
public sealed class OutcomeInvariantTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "outcome-invariants-" + Guid.NewGuid().ToString("N"));
    private readonly OutcomePanel _panel;

    public OutcomeInvariantTests()
    {
        new SyntheticExtractGenerator().Generate(_directory, new SyntheticOptions { Seed = 7, Scale = 0.05 });
        _panel = OutcomePanel.FromExtract(Extract.Load(_directory));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Panel_covers_the_validated_window_for_everyone()
    {
        Assert.True(_panel.Count > 100);
        Assert.Equal(-12, _panel.FirstMonth);
        Assert.True(_panel.CommonHorizon >= 36, $"common horizon {_panel.CommonHorizon}");
        Assert.Equal(_panel.Count, _panel.At(Outcome.FullOutflow, Horizon.EndOfIntervention).Count);
    }

    [Fact]
    public void Full_outflow_implies_partial_outflow_and_benefit_independence()
    {
        for (var m = _panel.FirstMonth; m <= _panel.CommonHorizon; m++)
        {
            var full = _panel.At(Outcome.FullOutflow, m).Values;
            var partial = _panel.At(Outcome.PartialOrFullOutflow, m).Values;
            var independent = _panel.At(Outcome.BenefitIndependence, m).Values;
            for (var p = 0; p < _panel.Count; p++)
            {
                Assert.True(full[p] <= partial[p] && full[p] <= independent[p], $"person {p} month {m}");
            }
        }
    }

    [Fact]
    public void Spells_and_first_outflow_are_consistent()
    {
        var first = _panel.TimeToFirst(Outcome.FullOutflow, 24);
        var durable = _panel.DurableBy(Outcome.FullOutflow, 6, 24).Values;
        var share = _panel.Mean(Outcome.FullOutflow, 1, 24).Values;
        var firstPartial = _panel.TimeToFirst(Outcome.PartialOrFullOutflow, 24);
        for (var p = 0; p < _panel.Count; p++)
        {
            Assert.Equal(first.Events[p], share[p] > 0);
            Assert.True(durable[p] == 0 || (first.Events[p] && first.Months[p] <= 19 && share[p] >= 6.0 / 24));
            Assert.True(!first.Events[p] || (firstPartial.Events[p] && firstPartial.Months[p] <= first.Months[p]));
        }
    }
}
