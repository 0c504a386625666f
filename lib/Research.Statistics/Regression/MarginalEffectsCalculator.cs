using Research.Statistics.Design;
using Research.Statistics.LinearAlgebra;

namespace Research.Statistics.Regression;

/// <summary>Average marginal effects and their delta-method covariance J V J'.</summary>
internal static class MarginalEffectsCalculator
{
    public static MarginalEffects Compute(BinaryModelResult fit, IReadOnlyList<double[]> columns, double[]? weights, IReadOnlyList<DesignTerm> terms, double[,] covariance)
    {
        var link = fit.Link;
        var b = fit.Estimates;
        var k = b.Count;
        var n = columns[0].Length;
        var total = weights?.Sum() ?? n;
        var eta = CrossProduct.Times(columns, b);
        var names = new List<string>();
        var discrete = new List<bool>();
        var values = new List<double>();
        var gradients = new List<double[]>();
        foreach (var term in terms)
        {
            if (term.Kind is TermKind.Treatment or TermKind.Categorical)
            {
                foreach (var j in term.Columns)
                {
                    var (value, gradient) = DiscreteChange(link, columns, weights, total, b, eta, term.Columns, j);
                    Add(fit.Names[j], true, value, gradient);
                }
            }
            else if (term.Kind == TermKind.Numeric)
            {
                var j = term.Columns[0];
                var gradient = new double[k];
                var meanDensity = 0.0;
                for (var i = 0; i < n; i++)
                {
                    var w = weights?[i] ?? 1.0;
                    meanDensity += w * LinkFunction.Density(link, eta[i]);
                    var slope = w * LinkFunction.DensityDerivative(link, eta[i]);
                    for (var p = 0; p < k; p++)
                    {
                        gradient[p] += slope * columns[p][i];
                    }
                }

                meanDensity /= total;
                for (var p = 0; p < k; p++)
                {
                    gradient[p] *= b[j] / total;
                }

                gradient[j] += meanDensity;
                Add(fit.Names[j], false, meanDensity * b[j], gradient);
            }
        }

        if (names.Count == 0)
        {
            throw new InvalidOperationException("The design has no treatment, categorical or numeric terms to compute marginal effects for.");
        }

        var jacobian = new double[names.Count, k];
        for (var r = 0; r < names.Count; r++)
        {
            for (var p = 0; p < k; p++)
            {
                jacobian[r, p] = gradients[r][p];
            }
        }

        var v = SmallMatrix.Multiply(SmallMatrix.Multiply(jacobian, covariance), SmallMatrix.Transpose(jacobian));
        var df = Enumerable.Repeat(double.PositiveInfinity, names.Count).ToArray();
        var rows = CoefficientTable.Build(names, values, v, df, fit.ConfidenceLevel, fit.Variance.ToString());
        return new MarginalEffects(rows, discrete, v, fit);

        void Add(string name, bool isDiscrete, double value, double[] gradient)
        {
            names.Add(name);
            discrete.Add(isDiscrete);
            values.Add(value);
            gradients.Add(gradient);
        }
    }

    // (Weighted) mean of F(η₁) − F(η₀) where η₀ has all the term's dummies at 0 and η₁ additionally column j at 1;
    // its gradient is the mean of f(η₁)x₁ − f(η₀)x₀.
    private static (double Value, double[] Gradient) DiscreteChange(
        BinaryLink link, IReadOnlyList<double[]> columns, double[]? weights, double total, IReadOnlyList<double> b, double[] eta, IReadOnlyList<int> termColumns, int j)
    {
        var k = b.Count;
        var n = eta.Length;
        var gradient = new double[k];
        var value = 0.0;
        for (var i = 0; i < n; i++)
        {
            var eta0 = eta[i];
            foreach (var c in termColumns)
            {
                eta0 -= b[c] * columns[c][i];
            }

            var eta1 = eta0 + b[j];
            var w = weights?[i] ?? 1.0;
            value += w * (LinkFunction.Probability(link, eta1) - LinkFunction.Probability(link, eta0));
            var f1 = w * LinkFunction.Density(link, eta1);
            var f0 = w * LinkFunction.Density(link, eta0);
            for (var p = 0; p < k; p++)
            {
                if (termColumns.Contains(p))
                {
                    continue;
                }

                gradient[p] += (f1 - f0) * columns[p][i];
            }

            gradient[j] += f1;
        }

        for (var p = 0; p < k; p++)
        {
            gradient[p] /= total;
        }

        return (value / total, gradient);
    }
}
