using System.Globalization;
using Research.Statistics.Design;

namespace Research.Statistics.Tests.Regression;

/// <summary>The simulated datasets and R reference results written by Fixtures/Regression/make_fixtures.R.</summary>
internal static class RegressionFixtures
{
    public static readonly string[] DatasetNames = ["balanced", "unbalanced", "few", "collinear"];

    public static readonly string[] VarianceTypes = ["classical", "HC0", "HC1", "HC2", "HC3", "CR0", "CR1", "CR2"];

    /// <summary>Every dataset with every variance type.</summary>
    public static TheoryData<string, string> DatasetVarianceCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var dataset in DatasetNames)
        {
            foreach (var se in VarianceTypes)
            {
                data.Add(dataset, se);
            }
        }

        return data;
    }

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Regression");
    private static readonly Lazy<List<Dictionary<string, string>>> CoefficientRows = new(() => ReadCsv("reference_coefficients.csv"));
    private static readonly Lazy<List<Dictionary<string, string>>> ScalarRows = new(() => ReadCsv("reference_scalars.csv"));

    public static Dataset Load(string name)
    {
        var rows = ReadCsv($"data_{name}.csv");
        double[] Num(string c) => rows.Select(r => Parse(r[c])).ToArray();
        string[] Str(string c) => rows.Select(r => r[c]).ToArray();
        return new Dataset(
            Str("cluster"), rows.Select(r => int.Parse(r["stratum"], CultureInfo.InvariantCulture)).ToArray(), Str("arm"),
            Num("age"), Num("income"), Str("education"), Num("near"), Num("y"), Num("yb"), Num("takeup"), Num("w"), Num("near2"));
    }

    /// <summary>Reference rows of one fitted model, keyed by term.</summary>
    public static Dictionary<string, Dictionary<string, string>> Coefficients(string dataset, string model, string seType)
    {
        var rows = CoefficientRows.Value
            .Where(r => r["dataset"] == dataset && r["model"] == model && r["se_type"] == seType)
            .ToDictionary(r => r["term"]);
        Assert.NotEmpty(rows);
        return rows;
    }

    public static double Scalar(string dataset, string model, string seType, string quantity) =>
        Parse(ScalarRows.Value.Single(r => r["dataset"] == dataset && r["model"] == model && r["se_type"] == seType && r["quantity"] == quantity)["value"]);

    public static List<Dictionary<string, string>> ReadCsv(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, file));
        var header = lines[0].Split(',');
        return lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))
            .ToList();
    }

    public static double Parse(string s) => s == "NA" ? double.NaN : double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Asserts |actual − expected| ≤ tolerance·|expected| (absolute below 1e-300 to allow zero).</summary>
    public static void Close(double expected, double actual, double tolerance, string what)
    {
        var scale = Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(
            Math.Abs(actual - expected) <= tolerance * scale,
            string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected:R}, got {actual:R} (relative error {Math.Abs(actual - expected) / scale:E2})"));
    }
}

/// <summary>One simulated dataset.</summary>
internal sealed record Dataset(
    string[] Cluster, int[] Stratum, string[] Arm, double[] Age, double[] Income, string[] Education, double[] Near,
    double[] Y, double[] Yb, double[] Takeup, double[] W, double[] Near2)
{
    public int Count => Y.Length;

    /// <summary>The design of make_fixtures.R's OLS: y ~ arm + age + income + education + near + stratum.</summary>
    public DesignMatrix OlsDesign() => new DesignBuilder(Count).Intercept()
        .Treatment("arm", Arm, reference: "control")
        .Numeric("age", Age)
        .Numeric("income", Income)
        .Categorical("education", Education, reference: "low")
        .Numeric("near", Near)
        .FixedEffects("stratum", Stratum)
        .Build();

    /// <summary>The design of the logit/probit fits: yb ~ arm + age + education + near.</summary>
    public DesignMatrix BinaryDesign() => new DesignBuilder(Count).Intercept()
        .Treatment("arm", Arm, reference: "control")
        .Numeric("age", Age)
        .Categorical("education", Education, reference: "low")
        .Numeric("near", Near)
        .Build();
}
