namespace Research.Scales.Instruments;

/// <summary>
/// The instruments shipped in <c>data-schema/instruments/</c>, embedded in this assembly so that scoring, validation and
/// the synthetic generator work from any directory. Researchers add instruments with <see cref="InstrumentCatalog.LoadDirectory"/>.
/// </summary>
public static class BundledInstruments
{
    private const string Prefix = "Research.Scales.Bundled.";
    private static readonly Lazy<InstrumentCatalog> Lazy = new(Load);

    /// <summary>The bundled catalogue.</summary>
    public static InstrumentCatalog Catalog => Lazy.Value;

    private static InstrumentCatalog Load()
    {
        var assembly = typeof(BundledInstruments).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        return new InstrumentCatalog(names.Select(name =>
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            return InstrumentReader.ParseBundled(reader.ReadToEnd(), name[Prefix.Length..]);
        }));
    }
}
