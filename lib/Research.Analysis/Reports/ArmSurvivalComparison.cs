using System.Globalization;
using Research.Analysis.Effects;
using Research.Analysis.Outcomes;
using Research.Data.Design;
using Shared = Research.Analysis.Inference;

namespace Research.Analysis.Reports;

/// <summary>
/// The test that a treatment arm's time to a first outflow does not differ from the control's, read like the
/// intention-to-treat effects: the cluster-robust score (log-rank type) test of Lin &amp; Wei (1989) clustered by
/// caseworker, never more significant than the same test with every person their own cluster. With 3 to 7 caseworkers
/// per arm a clustered test that rejects more easily than the unclustered one is noise, not information, as the
/// never-narrower-than-HC2 rule of the effects says (<c>docs/inference.md</c>); where that happens the person-level
/// result is shown and flagged.
/// </summary>
/// <param name="Arm">The treatment arm.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Clustered">The test clustered by caseworker.</param>
/// <param name="Robust">The same test with persons as clusters.</param>
/// <param name="NArm">Persons in the arm.</param>
/// <param name="NControl">Persons in the control arm.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ArmSurvivalComparison(ExperimentArm Arm, ReportOutcome Outcome, Shared.ArmSurvivalTest Clustered, Shared.ArmSurvivalTest Robust, int NArm, int NControl)
{
    /// <summary>Whether the clustered test gave the smaller p-value, so the person-level test is shown.</summary>
    public bool RobustShown => Clustered.PValue < Robust.PValue;

    /// <summary>The test the report shows: the clustered one unless it is the more significant.</summary>
    public Shared.ArmSurvivalTest Shown => RobustShown ? Robust : Clustered;

    /// <summary>Persons in the comparison.</summary>
    public int N => NArm + NControl;

    /// <summary>Every treatment arm of the context against the control; an arm the data do not allow to test is noted and left out.</summary>
    internal static IEnumerable<ArmSurvivalComparison> Compare(ReportContext context, ReportOutcome outcome, TimeToEvent time, EffectSpecification specification, Estimation estimation)
    {
        var population = context.Population;
        var what = string.Create(CultureInfo.InvariantCulture, $"time to a first month of {outcome.Short}");
        IReadOnlyList<Shared.ArmSurvivalTest> Test(Shared.InferenceMethod method)
        {
            try
            {
                return Shared.SurvivalComparison.Compare(population, time, specification.Options with { Method = method });
            }
            catch (ArgumentException e)
            {
                estimation.Note($"{what}: {e.Message}");
                return [];
            }
        }

        var clustered = Test(Shared.InferenceMethod.Cr2);
        var robust = Test(Shared.InferenceMethod.Hc2);
        var control = context.Experiment.Control;
        var nControl = population.Arms.Count(a => a == control);
        return clustered.Join(robust, c => c.Arm, r => r.Arm, (c, r) => new ArmSurvivalComparison(c.Arm, outcome, c, r, population.Arms.Count(a => a == c.Arm), nControl)).ToList();
    }
}
