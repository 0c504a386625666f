using MathNet.Numerics.Distributions;
using Research.Analysis.Effects;
using Research.Analysis.Reports;
using Research.Data;
using Research.Synthetic;
using Research.Data.Truth;

namespace Research.Analysis.Tests.Reports;

public sealed class TruthRecoveryTests
{
    [Fact]
    public void Primary_itt_lies_within_the_clustered_99_9_percent_interval_of_the_planted_effect()
    {
        var directory = Path.Combine(Path.GetTempPath(), "report-truth-" + Guid.NewGuid().ToString("N"));
        try
        {
            new SyntheticExtractGenerator().Generate(directory, new SyntheticOptions { Seed = 1, Scale = 1 });
            var extract = Extract.Load(directory);
            var truth = TruthFile.Load(Path.Combine(directory, TruthFile.FileName));
            var misses = new List<string>();
            var checkedRows = 0;
            foreach (var municipality in truth.Municipalities)
            {
                var context = ReportContext.Create(extract, municipality.Municipality);
                var horizon = context.Experiment.PrimaryHorizonMonths;
                var primary = PrimaryOutcomes.Compute(context);
                foreach (var arm in municipality.Arms)
                {
                    var planted = arm.Effects.Single(e => e.Outcome == "partial_full_outflow" && e.HorizonMonths == horizon);
                    var effect = primary.Effect(arm.Arm, ReportOutcome.PartialOrFull, horizon);
                    var inference = effect.Inference(InferenceMethod.ClusteredAtLeastRobust)!;
                    var half = StudentT.InvCDF(0, 1, inference.DegreesOfFreedom!.Value, 0.9995) * inference.StandardError!.Value;
                    var estimate = effect.Effect!.Estimate;
                    checkedRows++;
                    if (Math.Abs(estimate - planted.Itt) > half)
                    {
                        misses.Add($"{municipality.Municipality}/{arm.Arm}: estimate {estimate:F4}, truth {planted.Itt:F4}, half-width {half:F4}");
                    }
                }
            }

            Assert.Equal(truth.Municipalities.Sum(m => m.Arms.Count), checkedRows);
            Assert.Empty(misses);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
