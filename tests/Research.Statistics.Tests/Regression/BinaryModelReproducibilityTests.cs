using Research.Statistics.Design;
using Research.Statistics.LinearAlgebra;
using Research.Statistics.Regression;

namespace Research.Statistics.Tests.Regression;

/// <summary>
/// A national-size logit sums its log-likelihood over many blocks of rows, in parallel: the sum must have the bits of
/// the blocks added in order, whichever thread summed which block, because it decides step halving and convergence.
/// </summary>
public sealed class BinaryModelReproducibilityTests
{
    [Fact]
    public void The_log_likelihood_of_a_fit_over_many_blocks_of_rows_is_their_sums_added_in_order()
    {
        var random = new Random(7);
        const int n = 400_000;
        var x = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 1e3).ToArray();
        var arm = Enumerable.Range(0, n).Select(i => i % 3 == 0 ? "control" : "treated").ToArray();
        var y = x.Select((v, i) => random.NextDouble() < 1 / (1 + Math.Exp(-(v / 500) + 1 + (arm[i] == "treated" ? 0.3 : 0))) ? 1.0 : 0.0).ToArray();
        var design = new DesignBuilder(n).Intercept().Treatment("arm", arm, reference: "control").Numeric("x", x).Build();

        var fit = BinaryModel.Logit(y, design, VarianceEstimator.HC1);

        var columns = Enumerable.Range(0, design.ColumnCount).Select(j => design.Column(j).ToArray()).ToArray();
        var eta = CrossProduct.Times(columns, fit.Coefficients.Select(c => c.Estimate).ToArray());
        var expected = 0.0;
        for (var start = 0; start < n; start += 1 << 16)
        {
            var block = 0.0;
            for (var i = start; i < Math.Min(n, start + (1 << 16)); i++)
            {
                block += LinkFunction.Evaluate(BinaryLink.Logit, eta[i], y[i]).LogLikelihood;
            }

            expected += block;
        }

        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(fit.LogLikelihood));
    }
}
