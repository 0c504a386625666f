using System.Globalization;
using System.Text;

namespace Research.Statistics.Regression;

/// <summary>Average marginal effects of a binary-outcome fit, on the probability scale.</summary>
public sealed class MarginalEffects
{
    private readonly double[,] _covariance;

    internal MarginalEffects(IReadOnlyList<Coefficient> effects, IReadOnlyList<bool> discrete, double[,] covariance, BinaryModelResult fit)
    {
        Effects = effects;
        IsDiscreteChange = discrete;
        _covariance = covariance;
        Fit = fit;
    }

    /// <summary>One row per effect, named like the design column; statistics are z (df = ∞).</summary>
    public IReadOnlyList<Coefficient> Effects { get; }

    /// <summary>For each effect: true for a discrete change from the reference level, false for a derivative.</summary>
    public IReadOnlyList<bool> IsDiscreteChange { get; }

    /// <summary>The fit the effects were computed from.</summary>
    public BinaryModelResult Fit { get; }

    /// <summary>The effect named <paramref name="name"/>.</summary>
    public Coefficient this[string name] =>
        Effects.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal))
        ?? throw new ArgumentException($"No marginal effect '{name}'; there are: {string.Join(", ", Effects.Select(e => e.Name))}.", nameof(name));

    /// <summary>A copy of the delta-method covariance of the effects.</summary>
    public double[,] Covariance() => (double[,])_covariance.Clone();

    /// <inheritdoc />
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Average marginal effects ({Fit.Link}, variance: {Fit.Variance}); discrete change for factor levels, derivative for numeric covariates").AppendLine();
        sb.Append(CoefficientTable.Format(Effects, Fit.ConfidenceLevel));
        return sb.ToString();
    }
}
