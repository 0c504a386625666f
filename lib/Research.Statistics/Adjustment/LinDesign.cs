using Research.Statistics.Design;

namespace Research.Statistics.Adjustment;

/// <summary>
/// The design of Lin's (2013) interacted regression, built by <see cref="LinAdjustment.Design"/>: intercept, one dummy
/// per treatment arm, the covariate columns centred at their mean over the rows used (<c>age_c</c>), and every arm
/// dummy times every centred covariate (<c>arm[B]:age_c</c>, ordered covariate by covariate as
/// <c>estimatr::lm_lin</c>). Its rows are the input rows that were kept; <see cref="Rows"/> maps them back, so
/// cluster ids or weights for another estimator (e.g. the wild cluster bootstrap) can be taken with <see cref="Take{T}"/>.
/// </summary>
public sealed class LinDesign
{
    internal LinDesign(
        DesignMatrix matrix, int[] rows, double[] outcome, string treatmentName, IReadOnlyList<string> treatmentColumns,
        IReadOnlyDictionary<string, double> centres, IReadOnlyList<string> notes, int dropped)
    {
        Matrix = matrix;
        Rows = rows;
        Outcome = outcome;
        TreatmentName = treatmentName;
        TreatmentColumns = treatmentColumns;
        Centres = centres;
        Notes = notes;
        DroppedRowCount = dropped;
    }

    /// <summary>The design matrix (rows used only).</summary>
    public DesignMatrix Matrix { get; }

    /// <summary>For each design row, its index among the input rows.</summary>
    public IReadOnlyList<int> Rows { get; }

    /// <summary>The outcome of each design row.</summary>
    public IReadOnlyList<double> Outcome { get; }

    /// <summary>Name of the treatment term.</summary>
    public string TreatmentName { get; }

    /// <summary>The treatment dummies, e.g. <c>arm[A]</c>, <c>arm[B]</c>: their coefficients are the adjusted effects.</summary>
    public IReadOnlyList<string> TreatmentColumns { get; }

    /// <summary>The value each covariate column was centred at (its, possibly weighted, mean over the rows used), by covariate column name.</summary>
    public IReadOnlyDictionary<string, double> Centres { get; }

    /// <summary>Columns left out and why (a covariate constant overall or within an arm), missing-indicator columns added.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Input rows dropped (missing outcome, arm, cluster id or, under listwise deletion, covariate).</summary>
    public int DroppedRowCount { get; }

    /// <summary>The same design with another outcome (one value per row used).</summary>
    internal LinDesign WithOutcome(double[] outcome) =>
        new(Matrix, [.. Rows], outcome, TreatmentName, TreatmentColumns, Centres, Notes, DroppedRowCount);

    /// <summary>The values of the rows used, in design order, e.g. <c>design.Take(caseworker)</c>.</summary>
    /// <exception cref="ArgumentException">The list does not have one value per input row.</exception>
    public IReadOnlyList<T> Take<T>(IReadOnlyList<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputRows = Rows.Count + DroppedRowCount;
        if (values.Count != inputRows)
        {
            throw new ArgumentException($"Expected one value per input row ({inputRows}) but got {values.Count}.", nameof(values));
        }

        return Rows.Select(i => values[i]).ToArray();
    }
}
