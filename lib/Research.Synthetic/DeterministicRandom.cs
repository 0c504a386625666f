using MathNet.Numerics.Random;

namespace Research.Synthetic;

/// <summary>
/// xoshiro256** seeded through SplitMix64 from a seed and a path of stream keys (municipality, person, purpose), so
/// every person's draws are independent of how many other persons exist or in which order they are generated. The
/// algorithm is fixed here rather than taken from <see cref="System.Random"/>, whose sequence may change between runtimes.
/// </summary>
public sealed class DeterministicRandom : RandomSource
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates the stream for <paramref name="seed"/> and the <paramref name="keys"/> that name it.</summary>
    public DeterministicRandom(ulong seed, params ReadOnlySpan<ulong> keys)
        : base(threadSafe: false)
    {
        var state = seed;
        foreach (var key in keys)
        {
            state = Mix(state ^ Mix(key + 0x632BE59BD9B4E019UL));
        }

        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
    }

    /// <summary>A standard normal draw (Box–Muller on two uniforms; both of the pair are not kept, for simplicity of replay).</summary>
    public double NextNormal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool NextBernoulli(double p) => NextDouble() < p;

    /// <summary>A stable 64-bit key for a text label (FNV-1a), for naming streams.</summary>
    public static ulong Key(string label)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in label)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <inheritdoc />
    protected override double DoSample() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <inheritdoc />
    protected override int DoSampleInteger() => (int)(NextUInt64() >> 33);

    /// <inheritdoc />
    protected override void DoSampleBytes(byte[] buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(NextUInt64() >> 56);
        }
    }

    private ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
