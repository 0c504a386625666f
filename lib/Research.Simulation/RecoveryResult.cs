namespace Research.Simulation;

/// <summary>Each arm's mean estimate against its mean planted effect, and whether every arm is within Monte Carlo error.</summary>
/// <param name="Arms">Per site and treatment arm.</param>
/// <param name="Limit">The |z| an arm must stay below.</param>
public sealed record RecoveryResult(IReadOnlyList<ArmBias> Arms, double Limit)
{
    /// <summary>The arms whose mean error is beyond the limit (an error with no spread counts unless it is zero).</summary>
    public IReadOnlyList<ArmBias> Failing => Arms.Where(a => !(Math.Abs(a.Bias) <= 1e-12 || Math.Abs(a.Z) < Limit)).ToList();

    /// <summary>Whether every arm recovers its planted effect.</summary>
    public bool Passed => Failing.Count == 0;
}
