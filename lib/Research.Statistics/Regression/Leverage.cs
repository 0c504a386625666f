namespace Research.Statistics.Regression;

/// <summary>Diagonal of the hat matrix, hᵢ = xᵢ'Mxᵢ = ‖F'xᵢ‖² for M = FF'.</summary>
internal static class Leverage
{
    public static double[] Compute(IReadOnlyList<double[]> columns, double[,] factor)
    {
        var k = columns.Count;
        var n = columns[0].Length;
        var h = new double[n];
        var z = new double[n];
        for (var j = 0; j < k; j++)
        {
            Array.Clear(z);
            for (var p = 0; p < k; p++)
            {
                var f = factor[p, j];
                if (f == 0)
                {
                    continue;
                }

                var x = columns[p];
                for (var i = 0; i < n; i++)
                {
                    z[i] += f * x[i];
                }
            }

            for (var i = 0; i < n; i++)
            {
                h[i] += z[i] * z[i];
            }
        }

        return h;
    }
}
