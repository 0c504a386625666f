using System.Globalization;
using Research.Statistics.Design;

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
        var y = Finite(outcomes, treatedArm, controlArm);
        return assignment =>
        {
            var (sumTreated, treated, sumControl, control) = ArmSums(y, assignment, treatedArm, controlArm);
            if (treated == 0 || control == 0)
            {
                throw new ArgumentException($"The assignment leaves the {(treated == 0 ? "treated" : "control")} arm empty.", nameof(assignment));
            }

            return sumTreated / treated - sumControl / control;
        };
    }

    /// <summary>
    /// The studentised difference in means (Welch's t): (ȳ_T − ȳ_C)/√(s²_T/n_T + s²_C/n_C), which equals the HC2 t
    /// statistic of the arm dummy in a regression on the two arms. Studentised statistics keep randomisation tests
    /// valid for the weak null of no average effect in large samples (Wu &amp; Ding 2021), not only for the sharp null.
    /// </summary>
    /// <param name="outcomes">Outcome of each individual, finite.</param>
    /// <param name="treatedArm">Code of the treatment arm in the assignment.</param>
    /// <param name="controlArm">Code of the control arm in the assignment.</param>
    /// <exception cref="ArgumentException">An outcome is not finite; at evaluation, an arm with fewer than 2 individuals.</exception>
    public static Func<int[], double> Studentised(IReadOnlyList<double> outcomes, int treatedArm = 1, int controlArm = 0)
    {
        var y = Finite(outcomes, treatedArm, controlArm);
        return assignment =>
        {
            var (sumT, nT, sumC, nC) = ArmSums(y, assignment, treatedArm, controlArm);
            if (nT < 2 || nC < 2)
            {
                throw new ArgumentException("The studentised statistic needs at least 2 individuals in each of the two arms.", nameof(assignment));
            }

            double meanT = sumT / nT, meanC = sumC / nC, squaresT = 0, squaresC = 0;
            for (var i = 0; i < y.Length; i++)
            {
                if (assignment[i] == treatedArm)
                {
                    squaresT += (y[i] - meanT) * (y[i] - meanT);
                }
                else if (assignment[i] == controlArm)
                {
                    squaresC += (y[i] - meanC) * (y[i] - meanC);
                }
            }

            return (meanT - meanC) / Math.Sqrt((squaresT / (nT - 1) / nT) + (squaresC / (nC - 1) / nC));
        };
    }

    /// <summary>
    /// Lin's (2013) covariate-adjusted effect of the treated arm against control, optionally divided by its HC2 standard
    /// error. The covariates are centred at their mean over all individuals passed in (all arms), and the two arms'
    /// regressions on the centred covariates are fitted separately; the effect is the difference of their intercepts.
    /// For the observed assignment this equals the arm's coefficient (and HC2 t) of
    /// <see cref="Adjustment.LinAdjustment.Fit"/> on the same rows. A covariate collinear within an arm under some
    /// re-randomisation gets slope 0 in that arm, so every assignment has a statistic.
    /// </summary>
    /// <param name="outcomes">Outcome of each individual, finite.</param>
    /// <param name="covariates">Pre-treatment covariates (a design without intercept), finite.</param>
    /// <param name="treatedArm">Code of the treatment arm.</param>
    /// <param name="controlArm">Code of the control arm.</param>
    /// <param name="studentised">Divide by the HC2 standard error (recommended; see <see cref="Studentised"/>).</param>
    /// <exception cref="ArgumentException">Missing values or lengths that differ; at evaluation, an arm too small for its regression.</exception>
    public static Func<int[], double> LinAdjusted(IReadOnlyList<double> outcomes, DesignMatrix covariates, int treatedArm = 1, int controlArm = 0, bool studentised = true)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        var y = Finite(outcomes, treatedArm, controlArm);
        if (covariates.RowCount != y.Length)
        {
            throw new ArgumentException($"The covariates have {covariates.RowCount} rows but there are {y.Length} outcomes.", nameof(covariates));
        }

        if (covariates.Terms.Any(t => t.Kind == TermKind.Intercept))
        {
            throw new ArgumentException("The covariates must not contain an intercept; each arm's regression has its own.", nameof(covariates));
        }

        var centred = new double[covariates.ColumnCount][];
        for (var j = 0; j < centred.Length; j++)
        {
            var column = covariates.Columns[j];
            if (column.Any(v => !double.IsFinite(v)))
            {
                throw new ArgumentException($"Covariate '{covariates.Names[j]}' has a missing or infinite value; fill or drop it first (e.g. as LinAdjustment's missing-indicator policy does).", nameof(covariates));
            }

            var mean = column.Average();
            centred[j] = column.Select(v => v - mean).ToArray();
        }

        var p = centred.Length + 1;
        var regressors = ArmRegression.Regressors(centred, y.Length);
        return assignment =>
        {
            CheckLength(assignment, y.Length);
            var treatedRows = Enumerable.Range(0, y.Length).Where(i => assignment[i] == treatedArm).ToArray();
            var controlRows = Enumerable.Range(0, y.Length).Where(i => assignment[i] == controlArm).ToArray();
            if (treatedRows.Length <= centred.Length + 1 || controlRows.Length <= centred.Length + 1)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Each arm needs more than {centred.Length + 1} individuals for its regression on {centred.Length} covariates."), nameof(assignment));
            }

            var (treated, treatedVariance) = ArmRegression.Fit(treatedRows, y, regressors, p);
            var (control, controlVariance) = ArmRegression.Fit(controlRows, y, regressors, p);
            var effect = treated - control;
            return studentised ? effect / Math.Sqrt(treatedVariance + controlVariance) : effect;
        };
    }

    private static double[] Finite(IReadOnlyList<double> outcomes, int treatedArm, int controlArm)
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

        return y;
    }

    /// <summary>Sum and count of the outcomes in each of the two arms, after checking the assignment's length.</summary>
    private static (double SumTreated, int Treated, double SumControl, int Control) ArmSums(double[] y, int[] assignment, int treatedArm, int controlArm)
    {
        CheckLength(assignment, y.Length);
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

        return (sumTreated, treated, sumControl, control);
    }

    private static void CheckLength(int[] assignment, int n)
    {
        if (assignment.Length != n)
        {
            throw new ArgumentException($"The assignment has {assignment.Length} entries but there are {n} outcomes.", nameof(assignment));
        }
    }
}
