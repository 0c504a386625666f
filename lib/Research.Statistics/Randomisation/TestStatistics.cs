using System.Globalization;

namespace Research.Statistics.Randomisation;

/// <summary>Ready-made statistics for <see cref="RandomisationTest.Run"/>.</summary>
public static class TestStatistics
{
    /// <summary>
    /// The intention-to-treat difference in means, mean(y | arm = treated) − mean(y | arm = control); individuals in
    /// other arms are ignored.
    /// </summary>
    /// <param name="outcomes">Outcome of each individual, finite.</param>
    /// <param name="treatedArm">Code of the treatment arm in the assignment.</param>
    /// <param name="controlArm">Code of the control arm in the assignment.</param>
    /// <exception cref="ArgumentException">An outcome is not finite (checked once, here); at evaluation, an assignment of the wrong length or one that leaves an arm empty.</exception>
    public static Func<int[], double> DifferenceInMeans(IReadOnlyList<double> outcomes, int treatedArm = 1, int controlArm = 0)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (treatedArm == controlArm)
        {
            throw new ArgumentException("The treated and control arm codes must differ.", nameof(controlArm));
        }

        var y = outcomes.ToArray();
        for (var i = 0; i < y.Length; i++)
        {
            if (!double.IsFinite(y[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Outcome {i} is {y[i]}; outcomes must be finite (drop or impute missing values first)."), nameof(outcomes));
            }
        }

        return assignment =>
        {
            if (assignment.Length != y.Length)
            {
                throw new ArgumentException($"The assignment has {assignment.Length} entries but there are {y.Length} outcomes.", nameof(assignment));
            }

            double sumTreated = 0, sumControl = 0;
            int treated = 0, control = 0;
            for (var i = 0; i < y.Length; i++)
            {
                if (assignment[i] == treatedArm)
                {
                    sumTreated += y[i];
                    treated++;
                }
                else if (assignment[i] == controlArm)
                {
                    sumControl += y[i];
                    control++;
                }
            }

            if (treated == 0 || control == 0)
            {
                throw new ArgumentException($"The assignment leaves the {(treated == 0 ? "treated" : "control")} arm empty.", nameof(assignment));
            }

            return sumTreated / treated - sumControl / control;
        };
    }
}
