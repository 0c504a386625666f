using System.Globalization;
using MathNet.Numerics.Random;
using Research.Statistics.Design;

namespace Research.Statistics.Randomisation;

/// <summary>
/// Randomisation inference for one arm against control with Lin's (2013) studentised adjusted statistic, inverted into
/// a confidence interval. H₀(τ) is the sharp null that every unit's outcome under the arm is its outcome under control
/// plus τ·sᵢ: with sᵢ = 1 in the arm this is a constant intention-to-treat effect τ; with sᵢ = take-up it is a
/// constant effect τ on those who take up (Imbens &amp; Rosenbaum 2005), whose test is the ITT test of y − τ·s. Under
/// H₀(τ) the adjusted outcomes u = y − τ·s are fixed, so each re-randomisation's statistic is Lin's studentised effect
/// on u; p(τ) is exactly the p-value of <see cref="RandomisationTest.ArmVersusControl"/> with
/// <see cref="TestStatistics.LinAdjusted"/> on u, with the same draws for the same seed.
/// </summary>
/// <remarks>
/// Fast: Lin's effect is linear in the outcome and its HC2 variance quadratic, so each assignment is fitted once for
/// y and s together and leaves five numbers (a, b, V_yy, V_ys, V_ss) with t(τ) = (a − τb)/√(V_yy − 2τV_ys + τ²V_ss);
/// a p-value at any τ then costs O(B), as the wild bootstrap's (Roodman et al. 2019). The interval {τ : p(τ) &gt; α}
/// is found by stepping out and bisecting, as for the bootstrap.
/// </remarks>
public static class RandomisationInterval
{
    // Assignments equivalent to the observed one can give a statistic that differs by rounding only; they must count
    // as "at least as extreme" (as in RandomisationTest).
    private const double RelativeMargin = 1.4901161193847656e-8;

    /// <summary>Runs the test at every τ and inverts it.</summary>
    /// <param name="outcomes">Outcome of each individual, finite.</param>
    /// <param name="shift">sᵢ: 1 for the treated arm's units (ITT) or their take-up (effect on the treated); 0 in control; ignored elsewhere.</param>
    /// <param name="covariates">Pre-treatment covariates without intercept (centred over all individuals passed in).</param>
    /// <param name="assignment">Observed arm code of each individual.</param>
    /// <param name="treatedArm">Code of the arm tested.</param>
    /// <param name="controlArm">Code of the control arm.</param>
    /// <param name="options">Seed, draws, strata, clusters (as <see cref="RandomisationTest.ArmVersusControl"/>).</param>
    /// <param name="level">Confidence level of the interval.</param>
    /// <exception cref="ArgumentException">Lengths differ, missing values, an arm too small for its regression, a non-zero shift in control, a shift with no variation between the arms.</exception>
    public static RandomisationIntervalResult ArmVersusControl(
        IReadOnlyList<double> outcomes, IReadOnlyList<double> shift, DesignMatrix covariates, IReadOnlyList<int> assignment, int treatedArm, int controlArm,
        RandomisationOptions options, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(shift);
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(options);
        if (treatedArm == controlArm)
        {
            throw new ArgumentException("The treated and control arm codes must differ.", nameof(controlArm));
        }

        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must lie strictly between 0 and 1.");
        }

        if (options.Draws < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Draws, "The number of Monte Carlo draws must be positive.");
        }

        var n = outcomes.Count;
        if (shift.Count != n || assignment.Count != n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"There are {n} outcomes, {shift.Count} shifts and {assignment.Count} assignments; they must match."), nameof(shift));
        }

        var y = new double[n];
        var s = new double[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = outcomes[i];
            s[i] = shift[i];
            if (!double.IsFinite(y[i]) || !double.IsFinite(s[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Outcome or shift {i} is not finite; drop or impute missing values first."), nameof(outcomes));
            }

            if (assignment[i] == controlArm && s[i] != 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The shift of control unit {i} is {s[i]}; under the null the control outcome is observed, so its shift must be 0."), nameof(shift));
            }
        }

        var (regressors, p) = ArmRegression.Centred(covariates, n);
        var design = AssignmentDesign.Create(assignment, options.Strata, options.Clusters, [treatedArm, controlArm]);
        var individuals = new int[n];
        double[][] pair = [y, s];
        Moments Evaluate(int[] arms)
        {
            var treatedRows = Enumerable.Range(0, n).Where(i => arms[i] == treatedArm).ToArray();
            var controlRows = Enumerable.Range(0, n).Where(i => arms[i] == controlArm).ToArray();
            ArmRegression.RequireRows(treatedRows.Length, controlRows.Length, p);
            var (t, tv) = ArmRegression.Fit(treatedRows, pair, regressors, p);
            var (c, cv) = ArmRegression.Fit(controlRows, pair, regressors, p);
            return new Moments(t[0] - c[0], t[1] - c[1], tv[0] + cv[0], tv[1] + cv[1], tv[3] + cv[3]);
        }

        design.Expand(design.UnitArms, individuals);
        var observed = Evaluate(individuals);
        if (!(Math.Abs(observed.B) > 0))
        {
            throw new ArgumentException("The shift does not differ between the arms (no one took up?), so the effect is not identified.", nameof(shift));
        }

        var draws = new List<Moments>();
        var exact = design.LogAssignmentCount() <= Math.Log(options.MaxExactAssignments) + 1e-9;
        if (exact)
        {
            foreach (var unitArms in design.AllAssignments())
            {
                design.Expand(unitArms, individuals);
                draws.Add(Evaluate(individuals));
            }
        }
        else
        {
            var random = new Xoshiro256StarStar(options.Seed, threadSafe: false);
            var arms = (int[])design.UnitArms.Clone();
            for (var b = 0; b < options.Draws; b++)
            {
                design.Shuffle(random, arms);
                design.Expand(arms, individuals);
                draws.Add(Evaluate(individuals));
            }
        }

        return new RandomisationIntervalResult(observed, draws, exact ? RandomisationMethod.Exact : RandomisationMethod.MonteCarlo, options.Seed, level, RelativeMargin);
    }

    /// <summary>Lin's effect a − τb on u = y − τs and the HC2 variance V_yy − 2τV_ys + τ²V_ss, for one assignment.</summary>
    internal readonly record struct Moments(double A, double B, double Vyy, double Vys, double Vss)
    {
        public double Statistic(double tau)
        {
            var t = (A - (tau * B)) / Math.Sqrt(Math.Max(0, Vyy - (2 * tau * Vys) + (tau * tau * Vss)));
            return double.IsNaN(t) ? 0 : t;
        }
    }
}
