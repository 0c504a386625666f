using System.Globalization;

namespace Research.Statistics.Design;

/// <summary>
/// A named, column-major design matrix produced by <see cref="DesignBuilder"/>. Missing input values appear as NaN
/// and are dealt with by the model's <see cref="MissingValuePolicy"/>.
/// </summary>
public sealed class DesignMatrix
{
    private readonly double[][] _columns;

    internal DesignMatrix(double[][] columns, IReadOnlyList<string> names, IReadOnlyList<DesignTerm> terms, int rows)
    {
        _columns = columns;
        Names = names;
        Terms = terms;
        RowCount = rows;
    }

    /// <summary>Number of rows (observations).</summary>
    public int RowCount { get; }

    /// <summary>Number of columns (coefficients).</summary>
    public int ColumnCount => _columns.Length;

    /// <summary>Column names, e.g. <c>(Intercept)</c>, <c>arm[A]</c>, <c>age</c>, <c>education[high]</c>.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The terms in the order they were added.</summary>
    public IReadOnlyList<DesignTerm> Terms { get; }

    /// <summary>The values of column <paramref name="index"/>.</summary>
    public ReadOnlySpan<double> Column(int index) => _columns[index];

    /// <summary>The values of the column named <paramref name="name"/>.</summary>
    public ReadOnlySpan<double> Column(string name) => _columns[IndexOf(name)];

    /// <summary>Index of the column named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No column has that name.</exception>
    public int IndexOf(string name)
    {
        for (var j = 0; j < Names.Count; j++)
        {
            if (string.Equals(Names[j], name, StringComparison.Ordinal))
            {
                return j;
            }
        }

        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"The design has no column '{name}'; its columns are: {string.Join(", ", Names)}."),
            nameof(name));
    }

    /// <summary>The term named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No term has that name.</exception>
    public DesignTerm Term(string name) =>
        Terms.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal))
        ?? throw new ArgumentException(
            $"The design has no term '{name}'; its terms are: {string.Join(", ", Terms.Select(t => t.Name))}.", nameof(name));

    /// <summary>A design with the columns and terms of <paramref name="other"/> appended after this design's.</summary>
    /// <exception cref="ArgumentException">Row counts differ or a name occurs in both.</exception>
    public DesignMatrix Concat(DesignMatrix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.RowCount != RowCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Cannot combine designs with {RowCount} and {other.RowCount} rows."), nameof(other));
        }

        var clash = other.Names.Intersect(Names, StringComparer.Ordinal).Concat(other.Terms.Select(t => t.Name).Intersect(Terms.Select(t => t.Name), StringComparer.Ordinal)).FirstOrDefault();
        if (clash is not null)
        {
            throw new ArgumentException($"Both designs have a column or term named '{clash}'.", nameof(other));
        }

        var shifted = other.Terms.Select(t => t with { Columns = t.Columns.Select(c => c + ColumnCount).ToArray() });
        return new DesignMatrix([.. _columns, .. other._columns], [.. Names, .. other.Names], [.. Terms, .. shifted], RowCount);
    }

    /// <summary>The column arrays themselves, for the estimators in this library (never exposed for mutation).</summary>
    internal IReadOnlyList<double[]> Columns => _columns;
}
