using Research.Scales.Instruments;

namespace Research.Synthetic.Survey;

/// <summary>
/// How one survey column is generated: its response range, the trait it measures and whether higher raw codes mean
/// more of that trait (read off the instrument's own scoring, so reverse keys and recode tables are honoured).
/// </summary>
internal sealed record SurveyItemPlan(string Column, int Minimum, int Maximum, string Trait, bool Ascending, IReadOnlyList<int> MissingCodes)
{
    /// <summary>Which latent trait each bundled instrument measures; higher scores mean more of the trait.</summary>
    private static readonly IReadOnlyDictionary<string, string> TraitOf = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["who5"] = "wellbeing",
        ["swls"] = "wellbeing",
        ["cantril"] = "wellbeing",
        ["ls_cbs"] = "wellbeing",
        ["mhi5"] = "wellbeing",
        ["rand36_gh"] = "health",
        ["srh"] = "health",
        ["gse"] = "mastery",
        ["pearlin_mastery"] = "mastery",
        ["rses"] = "mastery",
        ["djg6"] = "loneliness",
        ["djg11"] = "loneliness",
        ["k10"] = "distress",
        ["trust_general"] = "trust",
        ["trust_institutional"] = "trust",
    };

    /// <summary>The latent traits in a fixed order.</summary>
    public static IReadOnlyList<string> Traits { get; } = ["wellbeing", "health", "mastery", "loneliness", "distress", "trust"];

    /// <summary>Plans every column in <paramref name="columns"/> from the instrument that declares it.</summary>
    /// <exception cref="InvalidOperationException">A column no instrument declares, or an instrument without a trait.</exception>
    public static IReadOnlyList<SurveyItemPlan> For(IEnumerable<string> columns, InstrumentCatalog catalog) => columns.Select(column =>
    {
        var (instrument, item) = catalog.Instruments
            .SelectMany(i => i.Items.Select(it => (Instrument: i, Item: it)))
            .FirstOrDefault(x => x.Item.Column == column);
        if (instrument is null || item is null)
        {
            throw new InvalidOperationException($"survey column '{column}' is not an item of any instrument in data-schema/instruments");
        }

        if (!TraitOf.TryGetValue(instrument.Id, out var trait))
        {
            throw new InvalidOperationException($"the synthetic survey has no latent trait for instrument '{instrument.Id}'; add it to SurveyItemPlan");
        }

        var ascending = item.Score(item.Maximum) >= item.Score(item.Minimum);
        var codes = instrument.MissingCodes.Keys.Order().ToList();
        return new SurveyItemPlan(column, item.Minimum, item.Maximum, trait, ascending, codes);
    }).ToList();
}
