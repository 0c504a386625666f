using System.Globalization;
using Research.Scales.Instruments;
using Research.Scales.Reliability;
using Research.Scales.Tests.Instruments;
using Research.Scales.Tests.Scoring;

namespace Research.Scales.Tests;

/// <summary>Decimal commas are a classic bug: everything must behave the same under nl-NL.</summary>
public class CultureTests
{
    [Fact]
    public void Parsing_scoring_and_reliability_are_culture_independent()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("nl-NL");
        try
        {
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture)); // the culture really is Dutch
            var json = File.ReadAllText(Path.Combine(ShippedInstruments.Directory, "srh.json")).Replace("\"2\": 75", "\"2\": 74.5");
            var srh = Instrument.Parse(json, "srh.json");
            Assert.Equal(74.5, srh.Items[0].Recode![2]);

            var k10 = TestResponses.Score("k10", [3, 3, 3, 3, 3, 3, 3, 3, 3, 3], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [null, null, 5, 5, 5, 5, 5, 5, 5, 5]);
            Assert.Equal(16.0, k10["total"][2].Value!.Value, 12);

            var gse = TestResponses.Score("gse", [3, 3, 3, 3, 3, 3, null, null, null, null]);
            Assert.StartsWith("6 of 10 items answered; at least 7 required", gse["mean"][0].MissingReason);

            var (items, columns) = Reliability.PsychReferenceTests.ReadData("likert6_missing10");
            var result = ReliabilityAnalysis.Analyze(items, columns);
            Assert.Equal(0.769049029587316, result.Alpha.RawAlpha, 10);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
