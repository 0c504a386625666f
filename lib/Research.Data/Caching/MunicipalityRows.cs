using Research.Data.Tables;

namespace Research.Data.Caching;

/// <summary>
/// Which rows of each table belong to which municipality: participants by their <c>municipality</c>, every other table
/// through its foreign key to participants (a register month belongs to its person's municipality). Rows keep their
/// file order within a municipality.
/// </summary>
internal sealed class MunicipalityRows
{
    private const string MunicipalityField = "municipality";

    private readonly Dictionary<string, int[][]> _rows;

    private MunicipalityRows(IReadOnlyList<string> municipalities, Dictionary<string, int[][]> rows, string? problem)
    {
        Municipalities = municipalities;
        _rows = rows;
        Problem = problem;
    }

    /// <summary>The municipalities in order of first appearance among the participants.</summary>
    public IReadOnlyList<string> Municipalities { get; }

    /// <summary>Why the extract cannot be split by municipality (then <see cref="Of"/> assigns no rows), or null.</summary>
    public string? Problem { get; }

    /// <summary>The rows of <paramref name="table"/> in municipality <paramref name="index"/>, ascending.</summary>
    public int[] Rows(string table, int index) => _rows[table][index];

    /// <summary>Splits every table of <paramref name="extract"/> by municipality.</summary>
    public static MunicipalityRows Of(Extract extract)
    {
        if (extract.Participants is not { } participants || participants[MunicipalityField] is not StringColumn municipality)
        {
            return Failed("the extract has no participants table with a municipality column");
        }

        var names = municipality.Levels;
        var byTable = new Dictionary<string, int[][]>(StringComparer.Ordinal);
        foreach (var table in extract.Tables)
        {
            int[] codes;
            if (table == participants)
            {
                codes = municipality.Codes.ToArray();
            }
            else if (table.Resource.Schema.ForeignKeys.FirstOrDefault(k => k.ReferencedResource == participants.Name && k.Fields.Count == 1) is { } key
                && table[key.Fields[0]] is StringColumn ids && participants[key.ReferencedFields[0]] is StringColumn referenced)
            {
                codes = Through(ids, referenced, municipality);
            }
            else
            {
                return Failed($"the {table.Name} table has no single-field foreign key to participants, so its rows cannot be split by municipality");
            }

            if (codes.Contains(-1))
            {
                return Failed($"a row of {table.Name} belongs to no municipality");
            }

            var counts = new int[names.Count];
            foreach (var code in codes)
            {
                counts[code]++;
            }

            var rows = counts.Select(c => new int[c]).ToArray();
            var next = new int[names.Count];
            for (var row = 0; row < codes.Length; row++)
            {
                rows[codes[row]][next[codes[row]]++] = row;
            }

            byTable[table.Name] = rows;
        }

        return new MunicipalityRows(names, byTable, null);
    }

    // Each row's municipality code through the person it names (-1 when the person or their municipality is unknown).
    private static int[] Through(StringColumn ids, StringColumn referenced, StringColumn municipality)
    {
        var personMunicipality = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var row = 0; row < referenced.Length; row++)
        {
            if (referenced[row] is { } id)
            {
                personMunicipality.TryAdd(id, municipality.Codes[row]);
            }
        }

        var ofLevel = ids.Levels.Select(l => personMunicipality.GetValueOrDefault(l, -1)).ToArray();
        var codes = new int[ids.Length];
        for (var row = 0; row < codes.Length; row++)
        {
            codes[row] = ids.Codes[row] is var c and >= 0 ? ofLevel[c] : -1;
        }

        return codes;
    }

    private static MunicipalityRows Failed(string problem) => new([], [], problem);
}
