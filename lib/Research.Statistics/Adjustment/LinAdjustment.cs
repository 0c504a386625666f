using System.Globalization;
using Research.Statistics.Design;
using Research.Statistics.Regression;

namespace Research.Statistics.Adjustment;

/// <summary>
/// Lin's (2013) interacted covariate adjustment for randomised experiments with any number of arms: the outcome is
/// regressed on the arm dummies, the covariates centred at their mean over the rows used, and every arm × centred
/// covariate product, so each arm has its own slopes and the arm coefficients are the adjusted average effects
/// against control. Reproduces <c>estimatr::lm_lin</c> (HC2, CR2 with Bell–McCaffrey df, weights).
/// <code>
/// var covariates = new DesignBuilder(n).Numeric("prior_share", prior).Numeric("age", age)
///     .Categorical("education", education, reference: "low").Categorical("stratum", stratum, reference: "1").Build();
/// var lin = LinAdjustment.Fit(y, arm, "control", covariates, VarianceEstimator.CR2(caseworker),
///     new LinOptions { MissingCovariates = MissingCovariatePolicy.MissingIndicator });
/// var effect = lin.Effect("intensivering");
/// </code>
/// </summary>
/// <remarks>
/// Categorical covariates enter as their dummies, each centred and interacted. A covariate that is constant within a
/// treated arm gives that arm no slope of its own: the arm's interaction is left out, so it takes the control arm's
/// slope (what <c>estimatr::lm_lin</c> does by dropping the aliased column). A covariate constant within the control
/// arm enters without any interactions (one slope for all arms, estimated within the treated arms), because control
/// has no slope to lend; estimatr instead lends control the slope of the last treated arm, an arbitrary choice that
/// changes the effects. A covariate constant within every arm is left out. <see cref="LinDesign.Notes"/> lists each case.
/// Other rank deficiency (e.g. two covariates collinear within one arm) is a <see cref="DegenerateModelException"/>
/// naming the columns. Missing covariates follow <see cref="LinOptions.MissingCovariates"/>.
/// </remarks>
public static class LinAdjustment
{
    /// <summary>Builds the interacted design without fitting (e.g. for the wild cluster bootstrap or randomisation inference).</summary>
    /// <param name="y">Outcome per input row (NaN = missing).</param>
    /// <param name="arms">Arm of each input row (null = missing).</param>
    /// <param name="control">The control arm's label.</param>
    /// <param name="covariates">The pre-specified covariates: a design without intercept (numeric, categorical, fixed-effects terms).</param>
    /// <param name="options">Missing-value policies, weights, names.</param>
    /// <exception cref="ArgumentException">Lengths differ, missing values under the Error policies, control arm absent, no treated arm.</exception>
    public static LinDesign Design(IReadOnlyList<double> y, IReadOnlyList<string?> arms, string control, DesignMatrix covariates, LinOptions? options = null) =>
        Build(y, arms, control, covariates, options ?? LinOptions.Default, null);

    /// <summary>Fits the interacted regression with the chosen variance estimator (HC2 or CR2 as estimatr's defaults).</summary>
    /// <param name="y">Outcome per input row (NaN = missing).</param>
    /// <param name="arms">Arm of each input row (null = missing).</param>
    /// <param name="control">The control arm's label.</param>
    /// <param name="covariates">The pre-specified covariates: a design without intercept.</param>
    /// <param name="options">Missing-value policies, weights, names.</param>
    /// <param name="variance">The variance estimator; cluster ids are per input row.</param>
    /// <exception cref="ArgumentException">As <see cref="Design"/>; cluster ids of the wrong length.</exception>
    /// <exception cref="DegenerateModelException">Rank deficiency not due to a constant covariate; too few clusters; leverage one under HC2.</exception>
    public static LinFit Fit(IReadOnlyList<double> y, IReadOnlyList<string?> arms, string control, DesignMatrix covariates, VarianceEstimator variance, LinOptions? options = null)
    {
        var (design, fitOptions, subset) = Prepared(y, arms, control, covariates, variance, options ?? LinOptions.Default);
        return new LinFit(design, LinearModel.Fit(design.Outcome, design.Matrix, subset, fitOptions));
    }

    /// <summary>The design, the options of its fit and the variance estimator over its rows.</summary>
    private static (LinDesign Design, FitOptions Options, VarianceEstimator Variance) Prepared(
        IReadOnlyList<double> y, IReadOnlyList<string?> arms, string control, DesignMatrix covariates, VarianceEstimator variance, LinOptions options)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(variance);
        var codes = variance.ClusterCodes;
        if (codes is not null && codes.Length != y.Count)
        {
            throw new ArgumentException(Invariant($"There are {codes.Length} cluster ids but {y.Count} rows."), nameof(variance));
        }

        var design = Build(y, arms, control, covariates, options, codes?.Select(c => c >= 0).ToArray());
        var fitOptions = options.Fit with
        {
            Weights = options.Fit.Weights is { } w ? design.Take(w) : null,
            MissingValues = MissingValuePolicy.Error,
        };
        return (design, fitOptions, variance.Subset(design.Rows));
    }

    /// <summary>
    /// Builds and factors the interacted design once for many outcomes observed on the same rows (see
    /// <see cref="FactoredLinDesign"/>); the rows are those with an arm, covariates (per the policy), weight and cluster id.
    /// </summary>
    /// <param name="arms">Arm of each input row (null = missing).</param>
    /// <param name="control">The control arm's label.</param>
    /// <param name="covariates">The pre-specified covariates: a design without intercept.</param>
    /// <param name="variance">The variance estimator; cluster ids are per input row.</param>
    /// <param name="options">Missing-value policies, weights, names.</param>
    /// <exception cref="ArgumentException">As <see cref="Fit"/>.</exception>
    /// <exception cref="DegenerateModelException">Rank deficiency not due to a constant covariate; too few clusters.</exception>
    public static FactoredLinDesign Factor(IReadOnlyList<string?> arms, string control, DesignMatrix covariates, VarianceEstimator variance, LinOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var (design, fitOptions, subset) = Prepared(new double[arms.Count], arms, control, covariates, variance, options ?? LinOptions.Default);
        return new FactoredLinDesign(design, LinearModel.Factor(design.Matrix, subset, fitOptions, design.TreatmentColumns));
    }

    private static LinDesign Build(IReadOnlyList<double> y, IReadOnlyList<string?> arms, string control, DesignMatrix covariates, LinOptions options, bool[]? clusterKnown)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(covariates);
        ArgumentException.ThrowIfNullOrWhiteSpace(control);
        var n = y.Count;
        if (arms.Count != n || covariates.RowCount != n)
        {
            throw new ArgumentException(Invariant($"The outcome has {n} values, the arms {arms.Count} and the covariates {covariates.RowCount} rows; they must match."), nameof(arms));
        }

        var weights = options.Fit.Weights;
        if (weights is not null && weights.Count != n)
        {
            throw new ArgumentException(Invariant($"There are {weights.Count} weights but {n} rows."), nameof(options));
        }

        var added = covariates.Terms.FirstOrDefault(t => t.Kind is TermKind.Intercept or TermKind.Treatment or TermKind.Interaction);
        if (added is not null)
        {
            throw new ArgumentException($"The covariates contain the {added.Kind} term '{added.Name}'; Lin's adjustment adds the intercept, the arms and their interactions itself.", nameof(covariates));
        }

        var keep = KeepRows(y, arms, weights, clusterKnown, options);
        var missingByTerm = MissingCovariates(covariates, keep, options.MissingCovariates);
        var rows = Enumerable.Range(0, n).Where(i => keep[i]).ToArray();
        if (rows.Length == 0)
        {
            throw new DegenerateModelException("Every row has a missing value; nothing is left to fit.");
        }

        var w = weights is null ? null : rows.Select(i => weights[i]).ToArray();
        var (treated, armOf) = ArmsOf(rows.Select(i => arms[i]!).ToArray(), control, options.ArmOrder);
        var notes = new List<string>();
        var raw = CovariateColumns(covariates, rows, missingByTerm, notes);

        var columns = new List<(string Name, double[] Values, TermKind Kind)>();
        var one = new double[rows.Length];
        Array.Fill(one, 1.0);
        columns.Add(("(Intercept)", one, TermKind.Intercept));
        var treatmentColumns = treated.Select(a => Invariant($"{options.TreatmentName}[{a}]")).ToArray();
        for (var a = 0; a < treated.Length; a++)
        {
            columns.Add((treatmentColumns[a], armOf.Select(k => k == a + 1 ? 1.0 : 0.0).ToArray(), TermKind.Treatment));
        }

        var centres = new Dictionary<string, double>(StringComparer.Ordinal);
        var interactions = new List<(string Name, double[] Values, TermKind Kind)>();
        foreach (var (name, values) in raw)
        {
            var centre = Mean(values, w);
            centres[name] = centre;
            var constantIn = ConstantWithinArms(values, armOf, treated.Length + 1);
            if (constantIn.All(c => c))
            {
                notes.Add(Invariant($"Covariate '{name}' is constant within every arm (or overall) in the rows used; it is left out."));
                continue;
            }

            // Plain loops over the rows here and below: the design is built for every factored sample, and per-element
            // lambdas cost more than the arithmetic at a hundred thousand rows and dozens of columns.
            var centred = new double[values.Length];
            for (var i = 0; i < centred.Length; i++)
            {
                centred[i] = values[i] - centre;
            }

            columns.Add((name + "_c", centred, TermKind.Numeric));
            if (constantIn[0])
            {
                notes.Add(Invariant($"'{name}' is constant within the control arm, so the arms cannot have slopes of their own on it: it enters without interactions (one slope, estimated within the treated arms)."));
                continue;
            }

            for (var a = 0; a < treated.Length; a++)
            {
                var column = Invariant($"{treatmentColumns[a]}:{name}_c");
                if (constantIn[a + 1])
                {
                    notes.Add(Invariant($"'{column}' is left out: '{name}' is constant within arm {treated[a]}, which therefore takes the control arm's slope on it."));
                    continue;
                }

                var interaction = new double[centred.Length];
                for (var i = 0; i < interaction.Length; i++)
                {
                    interaction[i] = armOf[i] == a + 1 ? centred[i] : 0.0;
                }

                interactions.Add((column, interaction, TermKind.Interaction));
            }
        }

        columns.AddRange(interactions);
        var terms = columns.Select((c, j) => c.Kind == TermKind.Treatment
            ? null
            : new DesignTerm(c.Name, c.Kind, [j], [], null)).ToList();
        var treatmentTerm = new DesignTerm(options.TreatmentName, TermKind.Treatment, Enumerable.Range(1, treated.Length).ToArray(), treated, control);
        var designTerms = new List<DesignTerm> { terms[0]!, treatmentTerm };
        designTerms.AddRange(terms.Skip(1 + treated.Length).Select(t => t!));
        var matrix = new DesignMatrix(columns.Select(c => c.Values).ToArray(), columns.Select(c => c.Name).ToArray(), designTerms, rows.Length);
        return new LinDesign(matrix, rows, rows.Select(i => y[i]).ToArray(), options.TreatmentName, treatmentColumns, centres, notes, n - rows.Length);
    }

    private static bool[] KeepRows(IReadOnlyList<double> y, IReadOnlyList<string?> arms, IReadOnlyList<double>? weights, bool[]? clusterKnown, LinOptions options)
    {
        var n = y.Count;
        var keep = new bool[n];
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            string? missing = null;
            if (double.IsNaN(y[i]))
            {
                missing = Invariant($"outcome '{options.Fit.OutcomeName}'");
            }
            else if (double.IsInfinity(y[i]))
            {
                throw new ArgumentException(Invariant($"The outcome '{options.Fit.OutcomeName}' is infinite at row {i}."), nameof(y));
            }
            else if (arms[i] is null)
            {
                missing = "arm";
            }
            else if (clusterKnown is not null && !clusterKnown[i])
            {
                missing = "cluster id";
            }
            else if (weights is not null && double.IsNaN(weights[i]))
            {
                missing = "weights";
            }

            keep[i] = missing is null;
            if (missing is not null)
            {
                first.TryAdd(missing, i);
            }
        }

        if (first.Count > 0 && options.Fit.MissingValues == MissingValuePolicy.Error)
        {
            var detail = string.Join("; ", first.Select(p => Invariant($"{p.Key} first at row {p.Value}")));
            throw new ArgumentException(
                Invariant($"{keep.Count(k => !k)} of {n} rows have a missing outcome, arm, cluster id or weight ({detail}). Remove them or set Fit = FitOptions with MissingValues = MissingValuePolicy.ListwiseDeletion."),
                nameof(y));
        }

        return keep;
    }

    /// <summary>Per covariate term, whether each row has a missing cell; applies the Error and ListwiseDeletion policies to <paramref name="keep"/>.</summary>
    private static Dictionary<DesignTerm, bool[]> MissingCovariates(DesignMatrix covariates, bool[] keep, MissingCovariatePolicy policy)
    {
        var result = new Dictionary<DesignTerm, bool[]>();
        foreach (var term in covariates.Terms)
        {
            bool[]? missing = null;
            foreach (var j in term.Columns)
            {
                var column = covariates.Column(j);
                for (var i = 0; i < keep.Length; i++)
                {
                    if (!keep[i] || !double.IsNaN(column[i]))
                    {
                        continue;
                    }

                    if (policy == MissingCovariatePolicy.Error)
                    {
                        throw new ArgumentException(
                            Invariant($"Covariate column '{covariates.Names[j]}' is missing at row {i}. Choose MissingCovariatePolicy.ListwiseDeletion or MissingCovariatePolicy.MissingIndicator."),
                            nameof(covariates));
                    }

                    missing ??= new bool[keep.Length];
                    missing[i] = true;
                }
            }

            if (missing is not null)
            {
                result[term] = missing;
            }
        }

        if (policy == MissingCovariatePolicy.ListwiseDeletion)
        {
            foreach (var missing in result.Values)
            {
                for (var i = 0; i < keep.Length; i++)
                {
                    keep[i] &= !missing[i];
                }
            }

            result.Clear();
        }

        return result;
    }

    /// <summary>The treated arms in order, and the arm index (0 = control, a + 1 = treated[a]) of every row.</summary>
    private static (string[] Treated, int[] ArmOf) ArmsOf(string[] arms, string control, IReadOnlyList<string>? order)
    {
        var observed = arms.Distinct(StringComparer.Ordinal).ToList();
        if (!observed.Contains(control, StringComparer.Ordinal))
        {
            throw new ArgumentException($"The control arm '{control}' does not occur in the rows used; arms present: {string.Join(", ", observed.Order(StringComparer.Ordinal))}.", nameof(control));
        }

        var others = observed.Where(a => !string.Equals(a, control, StringComparison.Ordinal)).ToList();
        if (others.Count == 0)
        {
            throw new ArgumentException($"Only the control arm '{control}' occurs in the rows used; there is no effect to estimate.", nameof(arms));
        }

        string[] treated;
        if (order is null)
        {
            treated = [.. others.Order(StringComparer.Ordinal)];
        }
        else
        {
            var unknown = others.FirstOrDefault(a => !order.Contains(a, StringComparer.Ordinal));
            if (unknown is not null)
            {
                throw new ArgumentException($"Arm '{unknown}' is not in ArmOrder ({string.Join(", ", order)}).", nameof(order));
            }

            treated = [.. order.Where(a => others.Contains(a, StringComparer.Ordinal))];
        }

        var index = treated.Select((a, k) => (a, k)).ToDictionary(p => p.a, p => p.k + 1, StringComparer.Ordinal);
        return (treated, arms.Select(a => string.Equals(a, control, StringComparison.Ordinal) ? 0 : index[a]).ToArray());
    }

    /// <summary>The covariate columns over the rows used; under the missing-indicator policy, filled and followed by their term's indicator.</summary>
    private static List<(string Name, double[] Values)> CovariateColumns(DesignMatrix covariates, int[] rows, Dictionary<DesignTerm, bool[]> missingByTerm, List<string> notes)
    {
        var result = new List<(string, double[])>();
        foreach (var term in covariates.Terms)
        {
            missingByTerm.TryGetValue(term, out var missing);
            foreach (var j in term.Columns)
            {
                var column = covariates.Columns[j];
                var values = new double[rows.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = column[rows[i]];
                }

                if (missing is not null)
                {
                    var observed = values.Where(v => !double.IsNaN(v)).ToArray();
                    var fill = observed.Length == 0 ? 0.0 : observed.Average();
                    for (var r = 0; r < values.Length; r++)
                    {
                        if (double.IsNaN(values[r]))
                        {
                            values[r] = fill;
                        }
                    }
                }

                result.Add((covariates.Names[j], values));
            }

            if (missing is not null)
            {
                var indicator = rows.Select(i => missing[i] ? 1.0 : 0.0).ToArray();
                notes.Add(Invariant($"Covariate '{term.Name}' is missing in {indicator.Count(v => v == 1)} of {rows.Length} rows used: filled with the column mean, with the indicator '{term.Name}_missing' added."));
                result.Add((term.Name + "_missing", indicator));
            }
        }

        return result;
    }

    private static bool[] ConstantWithinArms(double[] values, int[] armOf, int armCount)
    {
        var first = new double[armCount];
        var seen = new bool[armCount];
        var constant = new bool[armCount];
        Array.Fill(constant, true);
        for (var i = 0; i < values.Length; i++)
        {
            var a = armOf[i];
            if (!seen[a])
            {
                seen[a] = true;
                first[a] = values[i];
            }
            else if (values[i] != first[a])
            {
                constant[a] = false;
            }
        }

        return constant;
    }

    private static double Mean(double[] values, double[]? weights)
    {
        if (weights is null)
        {
            return values.Average();
        }

        double sum = 0, total = 0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += weights[i] * values[i];
            total += weights[i];
        }

        return sum / total;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
