using System.Globalization;

namespace Research.Statistics.Power;

/// <summary>A two-arm experiment: individuals per arm and how they were randomised.</summary>
public sealed record TwoArmDesign
{
    /// <summary>A design with the given arm sizes.</summary>
    /// <param name="treatmentSize">Individuals in the treatment arm, at least 2.</param>
    /// <param name="controlSize">Individuals in the control arm, at least 2.</param>
    /// <param name="clustering">Cluster randomisation; <see cref="Power.Clustering.None"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An arm has fewer than 2 individuals.</exception>
    public TwoArmDesign(int treatmentSize, int controlSize, Clustering? clustering = null)
    {
        if (treatmentSize < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(treatmentSize), treatmentSize, "The treatment arm needs at least 2 individuals.");
        }

        if (controlSize < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(controlSize), controlSize, "The control arm needs at least 2 individuals.");
        }

        TreatmentSize = treatmentSize;
        ControlSize = controlSize;
        Clustering = clustering ?? Clustering.None;
        _ = StandardErrorFactor; // validates that the arms can fill the clusters
    }

    /// <summary>Equal arms of <paramref name="perArm"/> individuals.</summary>
    public static TwoArmDesign Balanced(int perArm, Clustering? clustering = null) => new(perArm, perArm, clustering);

    /// <summary>Individuals in the treatment arm.</summary>
    public int TreatmentSize { get; }

    /// <summary>Individuals in the control arm.</summary>
    public int ControlSize { get; }

    /// <summary>How individuals were randomised.</summary>
    public Clustering Clustering { get; }

    /// <summary>√(DEFF_T/n_T + DEFF_C/n_C): the standard error of the difference in means per unit σ.</summary>
    public double StandardErrorFactor =>
        Math.Sqrt(Clustering.DesignEffect(TreatmentSize) / TreatmentSize + Clustering.DesignEffect(ControlSize) / ControlSize);

    /// <summary>
    /// Degrees of freedom of the t test: the number of randomised units minus 2, i.e. n_T + n_C − 2 for individual
    /// randomisation, (n_T + n_C)/m − 2 for clusters of mean size m and 2J − 2 for J clusters per arm.
    /// </summary>
    public double DegreesOfFreedom => Clustering.DegreesOfFreedom(TreatmentSize, ControlSize);

    /// <summary>The design effect averaged over arms as the ratio of the clustered to the simple-random-sampling variance.</summary>
    public double DesignEffect => StandardErrorFactor * StandardErrorFactor / (1.0 / TreatmentSize + 1.0 / ControlSize);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{TreatmentSize} treated vs {ControlSize} controls, {Clustering}");
}
