using System.Globalization;

namespace Research.Statistics.Power;

/// <summary>The minimum detectable effect (MDE) of a design: the true effect that a two-sided test at level α detects with the given power.</summary>
/// <param name="Design">The design.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Alpha">Two-sided significance level.</param>
/// <param name="Power">Target power.</param>
/// <param name="Test">z or t test.</param>
/// <param name="Effect">The MDE on the outcome scale (a difference in proportions for a binary outcome).</param>
/// <param name="StandardError">Standard error of the estimated effect, σ·√(DEFF_T/n_T + DEFF_C/n_C).</param>
public sealed record DetectableEffect(TwoArmDesign Design, Outcome Outcome, double Alpha, double Power, PowerTest Test, double Effect, double StandardError)
{
    /// <summary>The MDE in standard deviations (Cohen's d).</summary>
    public double StandardisedEffect => Effect / Outcome.StandardDeviation;

    /// <summary>Whether an effect of this size (either sign) is at least the MDE, i.e. detectable with the target power.</summary>
    public bool CanDetect(double effect) => Math.Abs(effect) >= Effect;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"MDE {Effect:G4} ({StandardisedEffect:G4} SD) at alpha {Alpha:G3} (two-sided {(Test == PowerTest.Normal ? "z" : "t")} test), power {Power:G3}; {Design}; {Outcome}; design effect {Design.DesignEffect:G4}");
}
