using MathNet.Numerics.LinearAlgebra;
using Research.Statistics.Design;

namespace Research.Statistics.Tests.Regression;

/// <summary>
/// CR2 standard errors written out in n × n matrices as estimatr defines them, for small designs:
/// Q_g = [(I − H)(I − H)']_gg with H = X(X'DX)⁻¹X'D, A_g = Q_g^(-1/2) (Moore–Penrose) and the meat
/// Σ_g X_g'D_gA_ge_g(·)'.
/// </summary>
internal static class DenseCr2
{
    public static double[] StandardErrors(DesignMatrix design, double[] y, double[] w, int[] cluster)
    {
        var n = y.Length;
        var x = Matrix<double>.Build.Dense(n, design.ColumnCount, (i, j) => design.Column(j)[i]);
        var d = Matrix<double>.Build.DenseOfDiagonalArray(w);
        var bread = (x.TransposeThisAndMultiply(d) * x).Inverse();
        var hat = x * bread * x.Transpose() * d;
        var residuals = Vector<double>.Build.DenseOfArray(y) - (x * (bread * x.TransposeThisAndMultiply(d) * Vector<double>.Build.DenseOfArray(y)));
        var complement = Matrix<double>.Build.DenseIdentity(n) - hat;
        var q = complement.TransposeAndMultiply(complement);
        var meat = Matrix<double>.Build.Dense(design.ColumnCount, design.ColumnCount);
        foreach (var g in cluster.Distinct())
        {
            var rows = Enumerable.Range(0, n).Where(i => cluster[i] == g).ToArray();
            var qg = Matrix<double>.Build.Dense(rows.Length, rows.Length, (a, b) => q[rows[a], rows[b]]);
            var evd = qg.Evd(Symmetricity.Symmetric);
            var root = evd.EigenVectors * Matrix<double>.Build.DenseOfDiagonalVector(evd.EigenValues.Real().Map(l => l > 1e-12 ? 1 / Math.Sqrt(l) : 0)) * evd.EigenVectors.Transpose();
            var xg = Matrix<double>.Build.Dense(rows.Length, design.ColumnCount, (a, j) => x[rows[a], j]);
            var dg = Matrix<double>.Build.DenseOfDiagonalArray(rows.Select(i => w[i]).ToArray());
            var eg = Vector<double>.Build.Dense(rows.Length, a => residuals[rows[a]]);
            var half = xg.TransposeThisAndMultiply(dg) * (root * eg);
            meat += half.OuterProduct(half);
        }

        var covariance = bread * meat * bread;
        return Enumerable.Range(0, design.ColumnCount).Select(j => Math.Sqrt(covariance[j, j])).ToArray();
    }
}
