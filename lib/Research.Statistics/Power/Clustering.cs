using System.Globalization;

namespace Research.Statistics.Power;

/// <summary>
/// Cluster randomisation (e.g. by municipality or caseworker). The variance of an arm mean is inflated by the design
/// effect DEFF = 1 + ((1 + CV²)·m − 1)·ρ, with ρ the intraclass correlation, m the mean cluster size and CV the
/// coefficient of variation of cluster sizes (Eldridge, Ashby and Kerry 2006; CV = 0 gives Kish's 1 + (m − 1)ρ).
/// Either m is fixed (<see cref="BySize"/>) or the number of clusters per arm J is, and then m = n/J
/// (<see cref="ByCount"/>), which puts a floor under the variance however large n grows.
/// </summary>
public sealed record Clustering
{
    private Clustering(double icc, double? meanClusterSize, double? clustersPerArm, double sizeVariation)
    {
        IntraclassCorrelation = icc;
        MeanClusterSize = meanClusterSize;
        ClustersPerArm = clustersPerArm;
        ClusterSizeVariation = sizeVariation;
    }

    /// <summary>Individual randomisation (DEFF = 1).</summary>
    public static Clustering None { get; } = new(0, 1, null, 0);

    /// <summary>Intraclass correlation ρ.</summary>
    public double IntraclassCorrelation { get; }

    /// <summary>Mean cluster size m when fixed; null when the number of clusters is fixed instead.</summary>
    public double? MeanClusterSize { get; }

    /// <summary>Clusters per arm J when fixed; null when the mean cluster size is fixed instead.</summary>
    public double? ClustersPerArm { get; }

    /// <summary>Coefficient of variation of cluster sizes.</summary>
    public double ClusterSizeVariation { get; }

    /// <summary>Clusters of mean size <paramref name="meanClusterSize"/>; the number of clusters grows with n.</summary>
    /// <exception cref="ArgumentOutOfRangeException">ρ outside [0, 1], m below 1, or CV negative.</exception>
    public static Clustering BySize(double intraclassCorrelation, double meanClusterSize, double clusterSizeVariation = 0)
    {
        CheckIcc(intraclassCorrelation);
        CheckVariation(clusterSizeVariation);
        if (!double.IsFinite(meanClusterSize) || meanClusterSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(meanClusterSize), meanClusterSize, "The mean cluster size must be at least 1.");
        }

        return new Clustering(intraclassCorrelation, meanClusterSize, null, clusterSizeVariation);
    }

    /// <summary>A fixed number of clusters per arm; the mean cluster size is n/J.</summary>
    /// <exception cref="ArgumentOutOfRangeException">ρ outside [0, 1], fewer than 2 clusters per arm, or CV negative.</exception>
    public static Clustering ByCount(double intraclassCorrelation, int clustersPerArm, double clusterSizeVariation = 0)
    {
        CheckIcc(intraclassCorrelation);
        CheckVariation(clusterSizeVariation);
        if (clustersPerArm < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(clustersPerArm), clustersPerArm, "At least 2 clusters per arm are needed to estimate a between-cluster variance.");
        }

        return new Clustering(intraclassCorrelation, null, clustersPerArm, clusterSizeVariation);
    }

    /// <summary>The design effect for an arm of <paramref name="armSize"/> individuals.</summary>
    /// <exception cref="ArgumentException">With a fixed number of clusters, the arm has fewer individuals than clusters.</exception>
    public double DesignEffect(double armSize)
    {
        var m = MeanClusterSize ?? armSize / ClustersPerArm!.Value;
        if (m < 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"An arm of {armSize:G6} individuals cannot fill {ClustersPerArm} clusters."), nameof(armSize));
        }

        return 1 + ((1 + ClusterSizeVariation * ClusterSizeVariation) * m - 1) * IntraclassCorrelation;
    }

    /// <summary>Randomised units minus 2 (see <see cref="TwoArmDesign.DegreesOfFreedom"/>).</summary>
    internal double DegreesOfFreedom(double treatmentSize, double controlSize) =>
        ClustersPerArm is { } j ? 2 * j - 2 : (treatmentSize + controlSize) / MeanClusterSize!.Value - 2;

    /// <inheritdoc />
    public override string ToString() =>
        IntraclassCorrelation == 0 && MeanClusterSize == 1 ? "individual randomisation"
        : MeanClusterSize is { } m ? string.Create(CultureInfo.InvariantCulture, $"clusters of mean size {m:G6}, ICC {IntraclassCorrelation:G4}, CV {ClusterSizeVariation:G4}")
        : string.Create(CultureInfo.InvariantCulture, $"{ClustersPerArm} clusters per arm, ICC {IntraclassCorrelation:G4}, CV {ClusterSizeVariation:G4}");

    private static void CheckIcc(double icc)
    {
        if (!(icc >= 0 && icc <= 1))
        {
            throw new ArgumentOutOfRangeException("intraclassCorrelation", icc, "The intraclass correlation must be between 0 and 1.");
        }
    }

    private static void CheckVariation(double cv)
    {
        if (!(cv >= 0) || double.IsInfinity(cv))
        {
            throw new ArgumentOutOfRangeException("clusterSizeVariation", cv, "The coefficient of variation of cluster sizes must be finite and non-negative.");
        }
    }
}
