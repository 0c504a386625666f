using Research.Scales.Instruments;
using Research.Scales.Responses;
using Research.Scales.Scoring;

namespace Research.Scales.Tests.Scoring;

/// <summary>Builds response tables row by row for hand-worked examples.</summary>
internal static class TestResponses
{
    /// <summary>One row per array; the arrays follow the instrument's item order.</summary>
    public static ItemResponseTable For(Instrument instrument, params int?[][] rows)
    {
        var table = new ItemResponseTable(rows.Length);
        for (var j = 0; j < instrument.Items.Count; j++)
        {
            table.Add(instrument.Items[j].Column, rows.Select(r => r[j]).ToArray());
        }

        return table;
    }

    public static InstrumentScores Score(string id, params int?[][] rows)
    {
        var instrument = Tests.Instruments.ShippedInstruments.Get(id);
        return InstrumentScorer.Score(instrument, For(instrument, rows));
    }
}
