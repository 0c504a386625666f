using System.Globalization;
using Research.Statistics.Design;

namespace Research.Bench.Statistics;

/// <summary>Deterministic synthetic regression data: three arms assigned by cluster, normal covariates, a continuous and a binary outcome.</summary>
internal sealed class BenchmarkData
{
    private BenchmarkData(string[] arm, double[][] covariates, int[] cluster, double[] y, double[] binary)
    {
        Arm = arm;
        CovariateColumns = covariates;
        Cluster = cluster;
        Y = y;
        Binary = binary;
    }

    public string[] Arm { get; }

    public double[][] CovariateColumns { get; }

    public int[] Cluster { get; }

    public double[] Y { get; }

    public double[] Binary { get; }

    public static BenchmarkData Generate(int rows, int covariates, int clusters, int seed)
    {
        var random = new Random(seed);
        var clusterArm = Enumerable.Range(0, clusters).Select(_ => random.Next(3) switch { 0 => "control", 1 => "A", _ => "B" }).ToArray();
        var clusterEffect = Enumerable.Range(0, clusters).Select(_ => 0.5 * Normal(random)).ToArray();
        var cluster = new int[rows];
        var arm = new string[rows];
        var x = Enumerable.Range(0, covariates).Select(_ => new double[rows]).ToArray();
        var y = new double[rows];
        var binary = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var g = random.Next(clusters);
            cluster[i] = g;
            arm[i] = clusterArm[g];
            var eta = -0.5 + (arm[i] == "A" ? 0.3 : arm[i] == "B" ? 0.15 : 0) + clusterEffect[g];
            for (var j = 0; j < covariates; j++)
            {
                x[j][i] = Normal(random);
                eta += 0.05 * (j % 5) * x[j][i];
            }

            y[i] = eta + Normal(random);
            binary[i] = random.NextDouble() < 1 / (1 + Math.Exp(-eta)) ? 1 : 0;
        }

        return new BenchmarkData(arm, x, cluster, y, binary);
    }

    public DesignMatrix Design()
    {
        var builder = new DesignBuilder(Y.Length).Intercept().Treatment("arm", Arm, reference: "control");
        for (var j = 0; j < CovariateColumns.Length; j++)
        {
            builder.Numeric(string.Create(CultureInfo.InvariantCulture, $"x{j + 1}"), CovariateColumns[j]);
        }

        return builder.Build();
    }

    /// <summary>Writes X (row-major float64, same column order as <see cref="Design"/>), y, the binary outcome and int32 cluster ids.</summary>
    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var design = Design();
        var n = Y.Length;
        var k = design.ColumnCount;
        using (var writer = new BinaryWriter(File.Create(Path.Combine(folder, "X.f64"))))
        {
            var columns = Enumerable.Range(0, k).Select(j => design.Column(j).ToArray()).ToArray();
            for (var i = 0; i < n; i++)
            {
                foreach (var column in columns)
                {
                    writer.Write(column[i]);
                }
            }
        }

        WriteAll(Path.Combine(folder, "y.f64"), Y);
        WriteAll(Path.Combine(folder, "yb.f64"), Binary);
        using var clusterWriter = new BinaryWriter(File.Create(Path.Combine(folder, "cluster.i32")));
        foreach (var g in Cluster)
        {
            clusterWriter.Write(g);
        }

        File.WriteAllText(Path.Combine(folder, "shape.txt"), string.Create(CultureInfo.InvariantCulture, $"{n} {k}"));
    }

    private static void WriteAll(string path, double[] values)
    {
        using var writer = new BinaryWriter(File.Create(path));
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
