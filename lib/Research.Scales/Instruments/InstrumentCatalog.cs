namespace Research.Scales.Instruments;

/// <summary>The instruments declared in one directory, keyed by id.</summary>
public sealed class InstrumentCatalog
{
    private readonly Dictionary<string, Instrument> byId;

    /// <summary>
    /// Creates a catalog. Instrument ids must be unique, and a column shared by several instruments (e.g. rand36_1)
    /// must have the same answer range in each, since it is one survey question.
    /// </summary>
    /// <exception cref="InstrumentFormatException">Two instruments share an id, or declare one column differently.</exception>
    public InstrumentCatalog(IEnumerable<Instrument> instruments)
    {
        Instruments = instruments.ToList();
        byId = new Dictionary<string, Instrument>(StringComparer.Ordinal);
        var columns = new Dictionary<string, (Instrument Instrument, InstrumentItem Item)>(StringComparer.Ordinal);
        foreach (var instrument in Instruments)
        {
            if (!byId.TryAdd(instrument.Id, instrument))
            {
                throw new InstrumentFormatException(FileOf(instrument), "/id",
                    $"instrument id '{instrument.Id}' is also declared in {FileOf(byId[instrument.Id])}.");
            }

            for (var i = 0; i < instrument.Items.Count; i++)
            {
                var item = instrument.Items[i];
                if (!columns.TryAdd(item.Column, (instrument, item)))
                {
                    var (other, otherItem) = columns[item.Column];
                    if (otherItem.Minimum != item.Minimum || otherItem.Maximum != item.Maximum)
                    {
                        throw new InstrumentFormatException(FileOf(instrument), $"/items/{i}",
                            $"column {item.Column} has answers {item.Minimum}–{item.Maximum} here but {otherItem.Minimum}–{otherItem.Maximum} in {FileOf(other)}; a shared column is one survey question.");
                    }
                }
            }
        }
    }

    private static string FileOf(Instrument instrument) =>
        instrument.FilePath is { } path ? Path.GetFileName(path) : instrument.Id;

    /// <summary>The instruments in file-name order.</summary>
    public IReadOnlyList<Instrument> Instruments { get; }

    /// <summary>The instrument with the given id.</summary>
    /// <exception cref="KeyNotFoundException">No such instrument.</exception>
    public Instrument this[string id] => byId.TryGetValue(id, out var instrument)
        ? instrument
        : throw new KeyNotFoundException($"No instrument '{id}'. Known: {string.Join(", ", byId.Keys.Order(StringComparer.Ordinal))}.");

    /// <summary>Looks up an instrument by id.</summary>
    public bool TryGet(string id, out Instrument? instrument) => byId.TryGetValue(id, out instrument);

    /// <summary>Every distinct item column used by any instrument (two instruments may share a column).</summary>
    public IReadOnlyList<string> Columns =>
        Instruments.SelectMany(i => i.Items).Select(i => i.Column).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Loads every <c>*.json</c> file in <paramref name="directory"/> except JSON Schemas (<c>*.schema.json</c>).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="InstrumentFormatException">A file is malformed (names file and field).</exception>
    public static InstrumentCatalog LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Instrument directory '{directory}' does not exist.");
        }

        var files = Directory.GetFiles(directory, "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        return new InstrumentCatalog(files.Select(Instrument.Load));
    }
}
