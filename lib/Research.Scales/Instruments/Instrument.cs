namespace Research.Scales.Instruments;

/// <summary>A questionnaire instrument declared in a JSON file under <c>data-schema/instruments/</c>.</summary>
public sealed class Instrument
{
    /// <summary>Creates an instrument; use <see cref="Load"/> or <see cref="Parse"/> to read a declaration.</summary>
    public Instrument(
        string id,
        string name,
        string? construct,
        string? timeFrame,
        string? language,
        string? filePath,
        IReadOnlyList<Source> sources,
        Basis license,
        IReadOnlyList<InstrumentItem> items,
        IReadOnlyDictionary<int, string> missingCodes,
        IReadOnlyList<ScoreDefinition> scores,
        IReadOnlyList<string> notes)
    {
        Id = id;
        Name = name;
        Construct = construct;
        TimeFrame = timeFrame;
        Language = language;
        FilePath = filePath;
        Sources = sources;
        License = license;
        Items = items;
        MissingCodes = missingCodes;
        Scores = scores;
        Notes = notes;
    }

    /// <summary>Identifier, e.g. <c>who5</c>.</summary>
    public string Id { get; }

    /// <summary>Full name.</summary>
    public string Name { get; }

    /// <summary>What the instrument measures.</summary>
    public string? Construct { get; }

    /// <summary>The reference period of the questions, e.g. "past 4 weeks".</summary>
    public string? TimeFrame { get; }

    /// <summary>Language / version of the wording assumed by the answer codes.</summary>
    public string? Language { get; }

    /// <summary>The file the declaration was read from (full path), or the name given to <see cref="Parse"/>.</summary>
    public string? FilePath { get; }

    /// <summary>Cited sources.</summary>
    public IReadOnlyList<Source> Sources { get; }

    /// <summary>License terms and their source.</summary>
    public Basis License { get; }

    /// <summary>The items in declaration order.</summary>
    public IReadOnlyList<InstrumentItem> Items { get; }

    /// <summary>Answer codes meaning "no valid answer" (survey-wide and instrument-specific), code → label.</summary>
    public IReadOnlyDictionary<int, string> MissingCodes { get; }

    /// <summary>The declared scores (total and subscales).</summary>
    public IReadOnlyList<ScoreDefinition> Scores { get; }

    /// <summary>Free-text notes, e.g. hand-worked test vectors and undeclared variants.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The distinct subscale names in order of first appearance.</summary>
    public IReadOnlyList<string> Subscales => Items.SelectMany(i => i.Subscales).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The item with the given column.</summary>
    /// <exception cref="KeyNotFoundException">No such item.</exception>
    public InstrumentItem Item(string column) =>
        Items.FirstOrDefault(i => i.Column == column)
        ?? throw new KeyNotFoundException($"Instrument {Id} has no item column '{column}'.");

    /// <summary>The score with the given id.</summary>
    /// <exception cref="KeyNotFoundException">No such score.</exception>
    public ScoreDefinition Score(string id) =>
        Scores.FirstOrDefault(s => s.Id == id)
        ?? throw new KeyNotFoundException(
            $"Instrument {Id} has no score '{id}'. Declared: {string.Join(", ", Scores.Select(s => s.Id))}.");

    /// <summary>Reads, schema-validates and checks one instrument file.</summary>
    /// <exception cref="InstrumentFormatException">The file is malformed; the message names the file and field.</exception>
    public static Instrument Load(string file) => InstrumentReader.Read(file);

    /// <summary>Parses an instrument declaration from JSON text; <paramref name="fileName"/> is used in error messages.</summary>
    /// <exception cref="InstrumentFormatException">The declaration is malformed.</exception>
    public static Instrument Parse(string json, string fileName) => InstrumentReader.Parse(json, fileName, filePath: null);

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Name})";
}
