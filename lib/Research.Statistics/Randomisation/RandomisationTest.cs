using System.Globalization;
using MathNet.Numerics.Random;

namespace Research.Statistics.Randomisation;

/// <summary>
/// Randomisation inference (Fisher's exact test of the sharp null of no effect for anyone): the statistic is
/// recomputed under re-randomised assignments that the design could have produced, permuting arms within strata and,
/// for cluster-randomised designs, of whole clusters.
/// </summary>
public static class RandomisationTest
{
    // Assignments equivalent to the observed one can give a statistic that differs by rounding only; they must count
    // as "at least as extreme". The margin is √ε relative, as R's all.equal.
    private const double RelativeMargin = 1.4901161193847656e-8;

    /// <summary>Runs the test, exactly when there are at most <see cref="RandomisationOptions.MaxExactAssignments"/> assignments, by Monte Carlo otherwise.</summary>
    /// <param name="assignment">Observed arm of each individual (e.g. 0 control, 1 treatment).</param>
    /// <param name="statistic">
    /// The test statistic of an assignment, e.g. the ITT difference in means. The array passed in is reused between
    /// calls; copy it if it must be kept.
    /// </param>
    /// <param name="options">Seed, number of draws, strata, clusters.</param>
    /// <exception cref="ArgumentException">
    /// Labels of the wrong length or missing; a cluster with individuals in different arms or spanning strata; no
    /// alternative assignment possible; or the statistic returned a value that is not finite (named with the draw).
    /// </exception>
    public static RandomisationResult Run(IReadOnlyList<int> assignment, Func<int[], double> statistic, RandomisationOptions options)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Draws < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Draws, "The number of Monte Carlo draws must be positive.");
        }

        if (!Enum.IsDefined(options.Alternative))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Alternative, "Unknown alternative.");
        }

        var design = AssignmentDesign.Create(assignment, options.Strata, options.Clusters, options.PermutedArms);
        var individuals = new int[design.IndividualCount];

        design.Expand(design.UnitArms, individuals);
        var observed = Evaluate(statistic, individuals, "the observed assignment");
        var margin = RelativeMargin * Math.Max(1, Math.Abs(observed));
        Func<double, bool> isExtreme = options.Alternative switch
        {
            Alternative.Greater => t => t >= observed - margin,
            Alternative.Less => t => t <= observed + margin,
            _ => t => Math.Abs(t) >= Math.Abs(observed) - margin,
        };

        var distribution = new List<double>();
        long extreme = 0;
        var exact = design.LogAssignmentCount() <= Math.Log(options.MaxExactAssignments) + 1e-9;
        if (exact)
        {
            foreach (var unitArms in design.AllAssignments())
            {
                design.Expand(unitArms, individuals);
                var t = Evaluate(statistic, individuals, "enumerated assignment " + distribution.Count.ToString(CultureInfo.InvariantCulture));
                distribution.Add(t);
                if (isExtreme(t))
                {
                    extreme++;
                }
            }

            return new RandomisationResult(observed, (double)extreme / distribution.Count, RandomisationMethod.Exact, options.Alternative, distribution.Count, extreme, options.Seed, distribution);
        }

        var random = new Xoshiro256StarStar(options.Seed, threadSafe: false);
        var arms = (int[])design.UnitArms.Clone();
        for (var b = 0; b < options.Draws; b++)
        {
            design.Shuffle(random, arms);
            design.Expand(arms, individuals);
            var t = Evaluate(statistic, individuals, "Monte Carlo draw " + b.ToString(CultureInfo.InvariantCulture));
            distribution.Add(t);
            if (isExtreme(t))
            {
                extreme++;
            }
        }

        return new RandomisationResult(observed, (1.0 + extreme) / (1.0 + options.Draws), RandomisationMethod.MonteCarlo, options.Alternative, options.Draws, extreme, options.Seed, distribution);
    }

    /// <summary>
    /// Tests one arm against control in a multi-arm design as it was randomised: the units of these two arms are
    /// re-randomised among themselves within each stratum (each stratum keeps its realised number of treated and
    /// control units), and units of other arms stay where they are. This is Fisher's test of the sharp null that the
    /// two arms have the same effect on everyone, valid whatever the other arms do.
    /// </summary>
    /// <param name="assignment">Observed arm code of each individual.</param>
    /// <param name="treatedArm">Code of the arm tested.</param>
    /// <param name="controlArm">Code of the control arm.</param>
    /// <param name="statistic">
    /// E.g. <see cref="TestStatistics.Studentised"/> or <see cref="TestStatistics.LinAdjusted"/>; the array passed in is reused.
    /// </param>
    /// <param name="options">Seed, draws, strata, clusters; its <see cref="RandomisationOptions.PermutedArms"/> is replaced by the two arms.</param>
    public static RandomisationResult ArmVersusControl(IReadOnlyList<int> assignment, int treatedArm, int controlArm, Func<int[], double> statistic, RandomisationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (treatedArm == controlArm)
        {
            throw new ArgumentException("The treated and control arm codes must differ.", nameof(controlArm));
        }

        return Run(assignment, statistic, options with { PermutedArms = [treatedArm, controlArm] });
    }

    private static double Evaluate(Func<int[], double> statistic, int[] individuals, string which)
    {
        var t = statistic(individuals);
        if (!double.IsFinite(t))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The statistic returned {t} for {which}; it must be finite for every assignment (e.g. an arm left empty)."), nameof(statistic));
        }

        return t;
    }
}
