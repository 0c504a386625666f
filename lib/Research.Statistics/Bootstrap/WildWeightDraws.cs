using MathNet.Numerics.Random;

namespace Research.Statistics.Bootstrap;

/// <summary>
/// The multiplier vectors v_b (one value per cluster) of a wild cluster bootstrap: every distinct vector once when
/// there are at most B of them, otherwise B seeded draws (Xoshiro256**; cluster g of draw b is the (bG + g)-th number).
/// </summary>
internal sealed class WildWeightDraws
{
    private static readonly double[] RademacherValues = [-1, 1];
    private static readonly double[] WebbValues = [-Math.Sqrt(1.5), -1, -Math.Sqrt(0.5), Math.Sqrt(0.5), 1, Math.Sqrt(1.5)];

    private readonly double[] _values;
    private readonly int _clusters;
    private readonly int _seed;

    public WildWeightDraws(WildWeights weights, int clusters, int draws, int seed)
    {
        _values = weights == WildWeights.Webb ? WebbValues : RademacherValues;
        _clusters = clusters;
        _seed = seed;
        var distinct = Math.Pow(_values.Length, clusters);
        Enumerated = distinct <= draws;
        Count = Enumerated ? (int)distinct : draws;
    }

    /// <summary>True when every distinct vector is visited once.</summary>
    public bool Enumerated { get; }

    /// <summary>Number of vectors.</summary>
    public int Count { get; }

    /// <summary>The vectors in order; the array is reused between iterations.</summary>
    public IEnumerable<double[]> Vectors()
    {
        var v = new double[_clusters];
        if (Enumerated)
        {
            // Odometer over the support, cluster 0 fastest.
            var digits = new int[_clusters];
            for (var b = 0; b < Count; b++)
            {
                for (var g = 0; g < _clusters; g++)
                {
                    v[g] = _values[digits[g]];
                }

                yield return v;
                for (var g = 0; g < _clusters && ++digits[g] == _values.Length; g++)
                {
                    digits[g] = 0;
                }
            }

            yield break;
        }

        var random = new Xoshiro256StarStar(_seed, threadSafe: false);
        for (var b = 0; b < Count; b++)
        {
            for (var g = 0; g < _clusters; g++)
            {
                v[g] = _values[random.Next(_values.Length)];
            }

            yield return v;
        }
    }
}
