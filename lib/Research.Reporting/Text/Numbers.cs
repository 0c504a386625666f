using System.Globalization;

namespace Research.Reporting.Text;

/// <summary>Numbers in running text, in English (invariant culture) or Dutch (decimal comma), never the machine's culture.</summary>
public sealed class Numbers
{
    private readonly CultureInfo _culture;

    private Numbers(CultureInfo culture, string points, string to) => (_culture, PointsWord, ToWord) = (culture, points, to);

    /// <summary>English: "+5.2 pp", "12.3%".</summary>
    public static Numbers English { get; } = new(CultureInfo.InvariantCulture, "pp", "to");

    /// <summary>Dutch: "+5,2 procentpunt", "12,3%".</summary>
    public static Numbers Dutch { get; } = new(CultureInfo.GetCultureInfo("nl-NL"), "procentpunt", "tot");

    private string PointsWord { get; }

    private string ToWord { get; }

    /// <summary>A share as a percentage with one decimal.</summary>
    public string Percent(double share) => Clean((share * 100).ToString("0.0", _culture)) + "%";

    /// <summary>A difference in shares in percentage points with a sign.</summary>
    public string Points(double difference) => Clean((difference * 100).ToString("+0.0;-0.0;0.0", _culture)) + " " + PointsWord;

    /// <summary>An interval of differences in percentage points: "−1.2 to +3.4 pp".</summary>
    public string PointsInterval(double low, double high) =>
        Clean((low * 100).ToString("+0.0;-0.0;0.0", _culture)) + " " + ToWord + " " + Clean((high * 100).ToString("+0.0;-0.0;0.0", _culture)) + " " + PointsWord;

    /// <summary>
    /// A p-value with its relation, to follow "p": "= 0.012", or "&lt; 0.001" (so the text never reads "p = &lt; 0.001").
    /// </summary>
    public string P(double p) => p < 0.001 ? "< " + 0.001.ToString("0.000", _culture) : "= " + p.ToString("0.000", _culture);

    /// <summary>A number with <paramref name="decimals"/> decimals.</summary>
    public string Fixed(double value, int decimals) => Clean(value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), _culture));

    /// <summary>A signed number with <paramref name="decimals"/> decimals.</summary>
    public string Signed(double value, int decimals)
    {
        var zeros = new string('0', decimals);
        var format = decimals == 0 ? "+0;-0;0" : $"+0.{zeros};-0.{zeros};0.{zeros}";
        return Clean(value.ToString(format, _culture));
    }

    /// <summary>Whole euros: "€1,234" (Dutch: "€1.234").</summary>
    public string Euro(double amount) => (Math.Round(amount) < 0 ? "-" : string.Empty) + "€" + Math.Abs(amount).ToString("N0", _culture);

    /// <summary>Whole euros with a sign: "+€12", "-€1,234".</summary>
    public string SignedEuro(double amount) => (Math.Round(amount) < 0 ? "-" : "+") + "€" + Math.Abs(amount).ToString("N0", _culture);

    private static string Clean(string text) => text.StartsWith('-') && text.AsSpan(1).Trim("0.,").IsEmpty ? text[1..] : text;
}
