using System.Globalization;

namespace Research.Statistics.Design;

/// <summary>
/// Fluent builder of a named design matrix from plain columns, usable from a notebook cell:
/// <code>
/// var x = new DesignBuilder(n).Intercept()
///     .Treatment("arm", arms, reference: "control")
///     .Numeric("age", ages)
///     .Categorical("education", education, reference: "low")
///     .FixedEffects("stratum", strata)
///     .Build();
/// </code>
/// Factor columns are named <c>name[level]</c>. Missing values (NaN numerics, null labels) become NaN cells; the
/// model then applies its <see cref="MissingValuePolicy"/>.
/// </summary>
public sealed class DesignBuilder
{
    private readonly int _rows;
    private readonly List<double[]> _columns = [];
    private readonly List<string> _names = [];
    private readonly List<DesignTerm> _terms = [];

    /// <summary>Starts a design for <paramref name="rowCount"/> observations.</summary>
    public DesignBuilder(int rowCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowCount);
        _rows = rowCount;
    }

    /// <summary>Adds the constant column <c>(Intercept)</c>.</summary>
    public DesignBuilder Intercept()
    {
        var ones = new double[_rows];
        Array.Fill(ones, 1.0);
        return AddTerm("(Intercept)", TermKind.Intercept, [("(Intercept)", ones)], [], null);
    }

    /// <summary>Adds a numeric covariate. NaN marks a missing value; infinities are rejected.</summary>
    public DesignBuilder Numeric(string name, IReadOnlyList<double> values)
    {
        CheckLength(name, values.Count);
        var column = new double[_rows];
        for (var i = 0; i < _rows; i++)
        {
            if (double.IsInfinity(values[i]))
            {
                throw new ArgumentException(Invariant($"Column '{name}' has an infinite value at row {i}."), nameof(values));
            }

            column[i] = values[i];
        }

        return AddTerm(name, TermKind.Numeric, [(name, column)], [], null);
    }

    /// <summary>
    /// Adds experimental arms as dummies against <paramref name="reference"/> (the control arm). Other arms are
    /// ordered as in <paramref name="levels"/> when given, otherwise ordinally.
    /// </summary>
    public DesignBuilder Treatment(string name, IReadOnlyList<string?> arms, string reference, IReadOnlyList<string>? levels = null) =>
        AddFactor(name, TermKind.Treatment, arms, reference, levels, StringComparer.Ordinal);

    /// <summary>
    /// Adds a categorical covariate as dummies against <paramref name="reference"/>. Levels are ordered as in
    /// <paramref name="levels"/> when given (values outside it are an error), otherwise ordinally.
    /// </summary>
    public DesignBuilder Categorical(string name, IReadOnlyList<string?> values, string reference, IReadOnlyList<string>? levels = null) =>
        AddFactor(name, TermKind.Categorical, values, reference, levels, StringComparer.Ordinal);

    /// <summary>Adds fixed effects for string ids (e.g. municipality codes): dummies for all but the ordinally first level.</summary>
    public DesignBuilder FixedEffects(string name, IReadOnlyList<string?> ids) =>
        AddFactor(name, TermKind.FixedEffects, ids, null, null, StringComparer.Ordinal);

    /// <summary>Adds fixed effects for integer ids (e.g. strata): dummies for all but the numerically smallest level.</summary>
    public DesignBuilder FixedEffects(string name, IReadOnlyList<int> ids)
    {
        CheckLength(name, ids.Count);
        var ordered = ids.Distinct().Order().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList();
        var labels = ids.Select(v => (string?)v.ToString(CultureInfo.InvariantCulture)).ToArray();
        return AddFactor(name, TermKind.FixedEffects, labels, ordered[0], ordered, StringComparer.Ordinal);
    }

    /// <summary>Returns the design matrix.</summary>
    /// <exception cref="InvalidOperationException">No term was added.</exception>
    public DesignMatrix Build()
    {
        if (_columns.Count == 0)
        {
            throw new InvalidOperationException("The design has no columns; add at least one term before Build().");
        }

        return new DesignMatrix([.. _columns], [.. _names], [.. _terms], _rows);
    }

    private DesignBuilder AddFactor(
        string name, TermKind kind, IReadOnlyList<string?> values, string? reference, IReadOnlyList<string>? levels, StringComparer comparer)
    {
        CheckLength(name, values.Count);

        // One pass codes the rows by level (first appearance first) with one hash per row; the columns are then filled
        // from the codes. A national report builds factors of tens of thousands of rows for every month it estimates.
        var (codes, observed) = LevelCodes<string>.Of(values, comparer);
        if (observed.Count == 0)
        {
            throw new ArgumentException($"Factor '{name}' has no non-missing values.", nameof(values));
        }

        List<string> ordered;
        if (levels is not null)
        {
            var unknown = observed.FirstOrDefault(v => !levels.Contains(v, comparer));
            if (unknown is not null)
            {
                throw new ArgumentException(
                    $"Factor '{name}' has value '{unknown}' that is not among the given levels ({string.Join(", ", levels)}).", nameof(values));
            }

            ordered = [.. levels];
        }
        else
        {
            ordered = [.. observed.Order(comparer)];
        }

        reference ??= ordered[0];
        if (!observed.Contains(reference, comparer))
        {
            throw new ArgumentException(
                $"Reference level '{reference}' of '{name}' does not occur in the data; observed levels: {string.Join(", ", observed.Order(comparer))}.",
                nameof(reference));
        }

        var dummyLevels = ordered.Where(l => !comparer.Equals(l, reference)).ToList();
        var columns = dummyLevels.Select(l => (Name: Invariant($"{name}[{l}]"), Values: new double[_rows])).ToList();
        var index = dummyLevels.Select((l, j) => (l, j)).ToDictionary(p => p.l, p => p.j, comparer);

        // The dummy column of each level code (-1: the reference level).
        var columnOf = observed.Select(l => index.TryGetValue(l, out var j) ? j : -1).ToArray();
        for (var i = 0; i < _rows; i++)
        {
            var code = codes[i];
            if (code < 0)
            {
                foreach (var c in columns)
                {
                    c.Values[i] = double.NaN;
                }
            }
            else if (columnOf[code] >= 0)
            {
                columns[columnOf[code]].Values[i] = 1;
            }
        }

        return AddTerm(name, kind, columns, dummyLevels, reference);
    }

    private DesignBuilder AddTerm(string name, TermKind kind, IReadOnlyList<(string Name, double[] Values)> columns, IReadOnlyList<string> levels, string? reference)
    {
        if (_terms.Any(t => string.Equals(t.Name, name, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"The design already has a term named '{name}'.", nameof(name));
        }

        foreach (var c in columns)
        {
            if (_names.Contains(c.Name, StringComparer.Ordinal))
            {
                throw new ArgumentException($"The design already has a column named '{c.Name}'.", nameof(name));
            }
        }

        var indices = Enumerable.Range(_columns.Count, columns.Count).ToArray();
        foreach (var c in columns)
        {
            _columns.Add(c.Values);
            _names.Add(c.Name);
        }

        _terms.Add(new DesignTerm(name, kind, indices, levels, reference));
        return this;
    }

    private void CheckLength(string name, int count)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (count != _rows)
        {
            throw new ArgumentException(Invariant($"Column '{name}' has {count} values but the design has {_rows} rows."), nameof(name));
        }
    }

    private static string Invariant(FormattableString s) => FormattableString.Invariant(s);
}
