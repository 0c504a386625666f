using Research.Analysis.Reports;
using Research.Statistics.Design;

namespace Research.Analysis.Effects;

/// <summary>
/// The last design built from an adjustment that reads the persons alone (<see cref="Adjustment.DesignFromPersonsOnly"/>),
/// returned again while the next sample has the same persons: a section estimating month after month (the effect path:
/// three outcomes over four years, everyone observed) otherwise builds the same design of tens of thousands of rows for
/// every month, which at national scale cost more than the fits.
/// </summary>
/// <remarks>
/// Persons are compared element by element, never by reference. Thread-safe: sections' parts may share it; a design is
/// immutable once built.
/// </remarks>
internal sealed class PersonDesigns
{
    private readonly Lock _gate = new();
    private Entry? _last;

    /// <summary>The design of <paramref name="sample"/> under <paramref name="adjustment"/>.</summary>
    public DesignMatrix For(EffectSample sample, Adjustment adjustment)
    {
        if (!adjustment.DesignFromPersonsOnly)
        {
            return adjustment.Design(sample);
        }

        lock (_gate)
        {
            if (_last is { } last && last.Adjustment == adjustment && last.Context == sample.Context && last.Persons.AsSpan().SequenceEqual(sample.PersonRows))
            {
                return last.Design;
            }
        }

        var design = adjustment.Design(sample);
        lock (_gate)
        {
            _last = new Entry(adjustment, sample.Context, sample.PersonRows.ToArray(), design);
        }

        return design;
    }

    private sealed record Entry(Adjustment Adjustment, ReportContext Context, int[] Persons, DesignMatrix Design);
}
