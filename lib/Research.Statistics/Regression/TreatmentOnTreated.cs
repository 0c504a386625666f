using System.Globalization;
using Research.Statistics.Design;

namespace Research.Statistics.Regression;

/// <summary>
/// Treatment-on-the-treated effects per arm under one-sided non-compliance: take-up in arm a (the column
/// <c>takeup[a]</c> = take-up × 1[arm = a]) instrumented by assignment to a, with the same exogenous covariates in
/// both stages. Without covariates this is the Wald estimator ITT_a / take-up rate_a.
/// </summary>
public static class TreatmentOnTreated
{
    /// <summary>Fits the per-arm TOT by 2SLS.</summary>
    /// <param name="y">Outcome.</param>
    /// <param name="arms">Assigned arm per row.</param>
    /// <param name="control">The control arm (nobody there can take up).</param>
    /// <param name="takeUp">1 if the row took up the offered treatment, else 0.</param>
    /// <param name="covariates">Exogenous design, normally with an intercept (and strata fixed effects if randomised within strata).</param>
    /// <param name="variance">Variance estimator.</param>
    /// <param name="options">Fit options.</param>
    /// <exception cref="ArgumentException">Take-up not 0/1, or take-up in the control arm (take-up must be one-sided).</exception>
    /// <exception cref="DegenerateModelException">An arm where nobody took up.</exception>
    public static InstrumentalVariablesResult Fit(
        IReadOnlyList<double> y, IReadOnlyList<string?> arms, string control, IReadOnlyList<double> takeUp, DesignMatrix covariates, VarianceEstimator variance, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        var n = covariates.RowCount;
        if (arms.Count != n || takeUp.Count != n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"arms ({arms.Count}) and takeUp ({takeUp.Count}) must have {n} values like the covariates."), nameof(arms));
        }

        var controlTakers = 0;
        for (var i = 0; i < n; i++)
        {
            if (!double.IsNaN(takeUp[i]) && takeUp[i] is not (0 or 1))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"takeUp must be 0 or 1 (or NaN if missing); row {i} is {takeUp[i]}."), nameof(takeUp));
            }

            if (arms[i] == control && takeUp[i] == 1)
            {
                controlTakers++;
            }
        }

        if (controlTakers > 0)
        {
            throw new ArgumentException(string.Create(
                CultureInfo.InvariantCulture, $"Take-up is not one-sided: {controlTakers} row(s) in the control arm '{control}' took up, so ITT / take-up is not the effect on the treated. Use InstrumentalVariables.Fit for a LATE instead."), nameof(takeUp));
        }

        var assignment = new DesignBuilder(n).Treatment("arm", arms, control).Build();
        var term = assignment.Terms[0];
        var takers = new DesignBuilder(n);
        for (var a = 0; a < term.Levels.Count; a++)
        {
            var indicator = assignment.Column(term.Columns[a]);
            var values = new double[n];
            var count = 0;
            for (var i = 0; i < n; i++)
            {
                values[i] = takeUp[i] * indicator[i];
                count += values[i] == 1 ? 1 : 0;
            }

            if (count == 0)
            {
                throw new DegenerateModelException($"Nobody in arm '{term.Levels[a]}' took up, so its effect on the treated is undefined.");
            }

            takers.Numeric($"takeup[{term.Levels[a]}]", values);
        }

        return InstrumentalVariables.Fit(y, covariates.Concat(takers.Build()), covariates.Concat(assignment), variance, options);
    }
}
