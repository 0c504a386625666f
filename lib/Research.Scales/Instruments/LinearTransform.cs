namespace Research.Scales.Instruments;

/// <summary>score = <see cref="Offset"/> + <see cref="Scale"/> × aggregate (e.g. WHO-5 raw × 4).</summary>
/// <param name="Scale">Multiplier of the aggregate.</param>
/// <param name="Offset">Added after multiplying.</param>
public sealed record LinearTransform(double Scale, double Offset)
{
    /// <summary>The identity transform.</summary>
    public static LinearTransform Identity { get; } = new(1, 0);

    /// <summary>Applies the transform.</summary>
    public double Apply(double aggregate) => Offset + Scale * aggregate;
}
