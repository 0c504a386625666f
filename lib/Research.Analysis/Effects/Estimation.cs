using Research.Statistics.Regression;

namespace Research.Analysis.Effects;

/// <summary>
/// Runs one model of a section and keeps the reason when it cannot be estimated (an outcome nobody reached in a small
/// municipality, say), so the section still publishes its other rows and says in a footnote what was not estimable.
/// Its <see cref="Designs"/> let the section's models share the factorisation of equal designs (e.g. month after month).
/// </summary>
public sealed class Estimation
{
    private readonly List<string> _notes = [];
    private readonly PersonDesigns _personDesigns;

    /// <summary>A section's estimation, with designs of its own.</summary>
    public Estimation()
        : this(new FactoredDesignCache(), new PersonDesigns())
    {
    }

    private Estimation(FactoredDesignCache designs, PersonDesigns personDesigns)
    {
        Designs = designs;
        _personDesigns = personDesigns;
    }

    /// <summary>The factored designs this section's models share.</summary>
    public FactoredDesignCache Designs { get; }

    /// <summary>Footnotes for the models that could not be estimated.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>The model of <paramref name="sample"/> under <paramref name="adjustment"/>, sharing this section's designs.</summary>
    internal EffectModel Model(EffectSample sample, Adjustment adjustment) => new(sample, adjustment, _personDesigns.For(sample, adjustment), Designs);

    /// <summary>Records why something could not be estimated.</summary>
    public void Note(string note) => _notes.Add("Not estimable: " + note + ".");

    /// <summary>
    /// A part of the section estimated out of report order (to reuse a design while it is at hand): it shares this
    /// section's designs and keeps its own notes until <see cref="Include"/> adds them in report order.
    /// </summary>
    internal Estimation Part() => new(Designs, _personDesigns);

    /// <summary>Adds the notes of <paramref name="part"/> (from <see cref="Part"/>) after this section's.</summary>
    internal void Include(Estimation part) => _notes.AddRange(part._notes);

    /// <summary>The model's result, or null with a note naming <paramref name="what"/> and why.</summary>
    public T? Try<T>(string what, Func<T> fit)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(fit);
        try
        {
            return fit();
        }
        catch (DegenerateModelException e)
        {
            _notes.Add($"Not estimable ({what}): {e.Message}");
            return null;
        }
    }
}
