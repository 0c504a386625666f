using Research.Scales.Instruments;

namespace Research.Scales.Tests.Instruments;

/// <summary>The declarations under data-schema/instruments, as copied to the test output.</summary>
internal static class ShippedInstruments
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Instruments");

    private static readonly Lazy<InstrumentCatalog> LazyCatalog = new(() => InstrumentCatalog.LoadDirectory(Directory));

    public static InstrumentCatalog Catalog => LazyCatalog.Value;

    public static Instrument Get(string id) => Catalog[id];
}
