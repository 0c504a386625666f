using System.Globalization;
using Research.Statistics.Design;
using Research.Statistics.LinearAlgebra;

namespace Research.Statistics.Regression;

/// <summary>Detection of (quasi-)complete separation in binary-outcome models, where the MLE does not exist.</summary>
internal static class Separation
{
    /// <summary>Probabilities closer than this to 0 or 1 count as fitted exactly (R's glm warns at 10 × machine epsilon).</summary>
    private const double ProbabilityTolerance = 1e-12;

    /// <summary>Throws when a 0/1 column's ones all have the same outcome (the classic case: an arm or level with no variation).</summary>
    public static void CheckDummies(IReadOnlyList<double[]> x, double[] y, DesignMatrix design, string outcome)
    {
        for (var j = 0; j < x.Count; j++)
        {
            var column = x[j];
            if (design.Terms.Any(t => t.Kind == TermKind.Intercept && t.Columns.Contains(j)) || !column.All(v => v is 0 or 1))
            {
                continue;
            }

            int ones = 0, positives = 0;
            for (var i = 0; i < column.Length; i++)
            {
                if (column[i] == 1)
                {
                    ones++;
                    positives += (int)y[i];
                }
            }

            if (ones > 0 && (positives == 0 || positives == ones))
            {
                throw new DegenerateModelException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Quasi-complete separation: all {ones} rows with '{design.Names[j]}' = 1 have {outcome} = {(positives == 0 ? 0 : 1)}, so its coefficient diverges and the maximum-likelihood estimate does not exist. Merge or drop that level, or use the linear probability model."));
            }
        }
    }

    /// <summary>Throws when fitted probabilities are numerically 0 or 1, naming the coefficient with the largest standardized size.</summary>
    public static void CheckFittedProbabilities(IReadOnlyList<double[]> x, double[] beta, BinaryLink link, IReadOnlyList<string> names, string outcome)
    {
        var eta = CrossProduct.Times(x, beta);
        var extreme = eta.Count(e => Math.Min(LinkFunction.Probability(link, e), LinkFunction.Complement(link, e)) < ProbabilityTolerance);
        if (extreme == 0)
        {
            return;
        }

        var standardized = x.Select((c, j) => Math.Abs(beta[j]) * StandardDeviation(c)).ToArray();
        var worst = Array.IndexOf(standardized, standardized.Max());
        throw new DegenerateModelException(string.Create(
            CultureInfo.InvariantCulture,
            $"{extreme} rows have fitted probabilities of {outcome} numerically 0 or 1: the data are (quasi-)completely separated and the {link} estimate does not exist. The column most likely responsible is '{names[worst]}' (|b| × SD = {standardized[worst]:G4})."));
    }

    private static double StandardDeviation(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
    }
}
