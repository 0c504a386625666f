namespace Research.Pipeline.Provenance;

/// <summary>How the extracts came about when the pipeline generated them (synthetic data).</summary>
/// <param name="Seed">The seed.</param>
/// <param name="Scale">The population multiplier.</param>
public sealed record GeneratedExtracts(ulong Seed, double Scale);
