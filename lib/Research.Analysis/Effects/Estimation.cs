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

    /// <summary>The factored designs this section's models share.</summary>
    public FactoredDesignCache Designs { get; } = new();

    /// <summary>Footnotes for the models that could not be estimated.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Records why something could not be estimated.</summary>
    public void Note(string note) => _notes.Add("Not estimable: " + note + ".");

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
