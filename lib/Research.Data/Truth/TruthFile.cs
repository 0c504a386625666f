using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Research.Data.Truth;

/// <summary>
/// <c>truth.json</c>: what the generator planted, as expectations over the generated participants (integrating over
/// caseworker effects and take-up), so estimates can be checked against their confidence intervals.
/// </summary>
/// <param name="Seed">The seed.</param>
/// <param name="Scale">The population multiplier.</param>
/// <param name="Note">How to read the numbers.</param>
/// <param name="Municipalities">Per municipality.</param>
public sealed record TruthFile(ulong Seed, double Scale, string Note, IReadOnlyList<MunicipalityTruth> Municipalities)
{
    /// <summary>The file name inside an extract directory.</summary>
    public const string FileName = "truth.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises with every number rounded to ten decimals, so the bytes do not depend on the last bits of the machine's math library.</summary>
    public string ToJson() => JsonSerializer.Serialize(Rounded(), Options).ReplaceLineEndings("\n") + "\n";

    /// <summary>Reads a truth file.</summary>
    public static TruthFile Load(string path) =>
        JsonSerializer.Deserialize<TruthFile>(File.ReadAllText(path, Encoding.UTF8), Options) ?? throw new InvalidDataException($"{path} is empty");

    private TruthFile Rounded() => this with
    {
        Municipalities = Municipalities.Select(m => m with
        {
            Arms = m.Arms.Select(a => a with
            {
                Effects = a.Effects.Select(e => e with
                {
                    ControlMean = Math.Round(e.ControlMean, 10),
                    Itt = Math.Round(e.Itt, 10),
                    TakeUp = Math.Round(e.TakeUp, 10),
                    Att = Math.Round(e.Att, 10),
                }).ToList(),
            }).ToList(),
        }).ToList(),
    };

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"truth (seed {Seed}, scale {Scale}): {Municipalities.Count} municipalities");
}
