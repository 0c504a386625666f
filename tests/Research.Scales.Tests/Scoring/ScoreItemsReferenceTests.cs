using System.Globalization;
using Research.Scales.Responses;
using Research.Scales.Scoring;
using Research.Scales.Tests.Instruments;

namespace Research.Scales.Tests.Scoring;

/// <summary>
/// Scores simulated answers and compares with psych::scoreItems (Fixtures/Scoring/scoring_reference.R) combined with
/// each instrument's missing-item rule: K10 sample-item-mean imputation per wave (impute = "mean"), GSE person mean
/// (impute = "none"), reverse keying of Rosenberg and Pearlin via (min + max) − x. Tolerance 1e-10.
/// </summary>
public class ScoreItemsReferenceTests
{
    [Theory]
    [InlineData("k10", "total", true)]
    [InlineData("gse", "mean", false)]
    [InlineData("rses", "total", false)]
    [InlineData("pearlin_mastery", "total", false)]
    public void Scores_match_psych_scoreItems(string instrumentId, string scoreId, bool groupByWave)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Scoring", $"scoring_{instrumentId}.csv"));
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToArray();
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var table = new ItemResponseTable(rows.Length);
        for (var j = 1; j < header.Length - 1; j++)
        {
            table.Add(header[j], rows.Select(r => r[j] == "NA" ? (int?)null : int.Parse(r[j], CultureInfo.InvariantCulture)).ToArray());
        }

        var waves = rows.Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)).ToArray();
        var expected = rows.Select(r => r[^1] == "NA" ? (double?)null : double.Parse(r[^1], NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();

        var scores = InstrumentScorer.Score(ShippedInstruments.Get(instrumentId), table, groupByWave ? waves : null)[scoreId];

        Assert.Contains(expected, e => e is null); // the fixture exercises the missing rule
        for (var row = 0; row < rows.Length; row++)
        {
            if (expected[row] is { } e)
            {
                Assert.True(scores.Values[row] is { } v && Math.Abs(v - e) <= 1e-10 * Math.Max(1, Math.Abs(e)),
                    string.Create(CultureInfo.InvariantCulture, $"row {row}: expected {e:R}, got {scores.Values[row]}"));
            }
            else
            {
                Assert.Null(scores.Values[row]);
                Assert.NotNull(scores.MissingReasons[row]);
            }
        }
    }
}
