using Research.Analysis.Disclosure;

namespace Research.Analysis.Results;

/// <summary>
/// Declares how typed records become a result table: a row key and one column per label or number, each with a
/// <see cref="ColumnKind"/>, a header and a unit, and what disclosure control needs to know (the population a count
/// counts, the groups a model rests on). <see cref="Build"/> freezes the declaration into a
/// <see cref="TableDefinition{T}"/>, which makes tables. This is the one way sections publish numbers: a number gets a
/// kind where it is declared, so disclosure control and formatting never guess from a column's name.
/// </summary>
/// <typeparam name="T">The record type of a row.</typeparam>
/// <example>
/// <code>
/// var definition = new TableBuilder&lt;ArmSize&gt;("arms", "Experimental arms", a =&gt; a.Arm.Code)
///     .Label("arm_name_nl", "Arm", a =&gt; a.Arm.NameNl)
///     .Count(ResultValue.N, "Randomised", a =&gt; a.Randomised, a =&gt; Population.All.Where("arm", a.Arm.Code))
///     .Build();
/// DraftTable draft = definition.Draft(sizes, ["n: participants randomised to the arm."]);
/// </code>
/// </example>
/// <remarks>A builder is not thread-safe; the definition it builds is immutable and may be shared.</remarks>
public sealed class TableBuilder<T>
{
    private readonly string _name;
    private readonly string _title;
    private readonly Func<T, string> _key;
    private readonly List<TableColumn<T>> _columns = [];
    private Func<T, IReadOnlyList<int>>? _support;
    private Func<T, EffectLink?>? _effectLink;

    /// <summary>Starts a table called <paramref name="name"/> whose rows are keyed by <paramref name="key"/>.</summary>
    public TableBuilder(string name, string title, Func<T, string> key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(key);
        _name = name;
        _title = title;
        _key = key;
    }

    /// <summary>A text column; a null value leaves the label out of the row.</summary>
    public TableBuilder<T> Label(string name, string header, Func<T, string?> value) =>
        Add(new TableColumn<T>(new ResultColumn(name, ColumnKind.Label, header), value, null, null));

    /// <summary>
    /// An exact number of persons, counting <paramref name="population"/> (null: a count that no other published number
    /// overlaps). Withheld below the minimum, and when another published count would reveal a small group by difference.
    /// </summary>
    public TableBuilder<T> Count(string name, string header, Func<T, double?> value, Func<T, Population?>? population = null, Func<T, bool>? when = null) =>
        Add(new TableColumn<T>(new ResultColumn(name, ColumnKind.Count, header), null, value, when) { Population = population });

    /// <summary>The number of persons a model or mean rests on: published rounded (see <see cref="ColumnRole.SampleSize"/>).</summary>
    public TableBuilder<T> SampleSize(string name, string header, Func<T, double?> value, Func<T, bool>? when = null) =>
        Add(new TableColumn<T>(new ResultColumn(name, ColumnKind.Count, header), null, value, when) { Role = ColumnRole.SampleSize });

    /// <summary>
    /// The share (0–1) of the persons in column <paramref name="base"/> who have a status. <paramref name="populations"/>
    /// names the persons in and out of the status (so differences with published counts are checked);
    /// <paramref name="link"/> places it among shares that published effects connect.
    /// </summary>
    public TableBuilder<T> Share(string name, string header, string @base, Func<T, double?> value, Func<T, bool>? when = null,
        Func<T, (Population In, Population Out)?>? populations = null, Func<T, ShareLink?>? link = null) =>
        Add(new TableColumn<T>(new ResultColumn(name, ColumnKind.Share, header, ValueUnit.Share, @base), null, value, when) { SharePopulations = populations, Link = link });

    /// <summary>The mean of an amount over the persons in column <paramref name="base"/>; <paramref name="magnitude"/> feeds the dominance rule.</summary>
    public TableBuilder<T> Amount(string name, string header, ValueUnit unit, string @base, Func<T, double?> value, Func<T, bool>? when = null, Func<T, Magnitude?>? magnitude = null) =>
        Add(new TableColumn<T>(new ResultColumn(name, ColumnKind.Amount, header, unit, @base), null, value, when) { Magnitude = magnitude });

    /// <summary>
    /// The 95% interval (columns <paramref name="low"/> and <paramref name="high"/>) of the share or amount column
    /// <paramref name="of"/>, which must be declared before; withheld whenever that column is.
    /// </summary>
    public TableBuilder<T> IntervalOf(string of, string low, string high, Func<T, double?> lower, Func<T, double?> upper, Func<T, bool>? when = null)
    {
        var described = Declared(of);
        Add(new TableColumn<T>(new ResultColumn(low, ColumnKind.Limit, "95% CI, lower", described.Unit, Describes: of), null, lower, when));
        return Add(new TableColumn<T>(new ResultColumn(high, ColumnKind.Limit, "95% CI, upper", described.Unit, Describes: of), null, upper, when));
    }

    /// <summary>The standard deviation (column <paramref name="name"/>) of the amount column <paramref name="of"/>, withheld whenever that column is.</summary>
    public TableBuilder<T> SpreadOf(string of, string name, string header, Func<T, double?> value, Func<T, bool>? when = null) =>
        Add(new TableColumn<T>(new ResultColumn(name, ColumnKind.Spread, header, Declared(of).Unit, Describes: of), null, value, when));

    /// <summary>
    /// A number of any other kind; where <paramref name="when"/> is false the row has no such value (not applicable).
    /// Estimates, spreads, limits, p-values, degrees of freedom and statistics are model results: in a table with
    /// <see cref="Support"/> they are withheld when the model rests on too small a group.
    /// </summary>
    public TableBuilder<T> Number(string name, ColumnKind kind, string header, Func<T, double?> value, ValueUnit unit = ValueUnit.None, Func<T, bool>? when = null)
    {
        if (kind is ColumnKind.Label or ColumnKind.Share or ColumnKind.Amount or ColumnKind.Count)
        {
            throw new ArgumentException($"column '{name}': declare {kind} columns with {nameof(Label)}, {nameof(Count)}, {nameof(SampleSize)}, {nameof(Share)} or {nameof(Amount)}", nameof(kind));
        }

        var model = kind is ColumnKind.Estimate or ColumnKind.Spread or ColumnKind.Limit or ColumnKind.PValue or ColumnKind.DegreesOfFreedom or ColumnKind.Statistic or ColumnKind.Index;
        return Add(new TableColumn<T>(new ResultColumn(name, kind, header, unit), null, value, when) { Role = model ? ColumnRole.Model : ColumnRole.Plain });
    }

    /// <summary>The sizes of the groups each row's model results rest on (e.g. the arm and the control arm).</summary>
    public TableBuilder<T> Support(Func<T, IReadOnlyList<int>> groups)
    {
        _support = groups ?? throw new ArgumentNullException(nameof(groups));
        return this;
    }

    /// <summary>The pair of shares each row's effect estimate connects (see <see cref="ShareLink"/>).</summary>
    public TableBuilder<T> Links(Func<T, EffectLink?> link)
    {
        _effectLink = link ?? throw new ArgumentNullException(nameof(link));
        return this;
    }

    /// <summary>Freezes the declaration.</summary>
    /// <exception cref="InvalidOperationException">A column is declared twice or a base is not a count column.</exception>
    public TableDefinition<T> Build()
    {
        try
        {
            new ResultTable(_name, _title, [.. _columns.Select(c => c.Column)], [], []).Validated();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }

        return new TableDefinition<T>(_name, _title, _key, [.. _columns], _support, _effectLink);
    }

    private ResultColumn Declared(string name) => _columns.FirstOrDefault(c => c.Column.Name == name)?.Column
        ?? throw new InvalidOperationException($"column '{name}' must be declared before the columns that describe it");

    private TableBuilder<T> Add(TableColumn<T> column)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column.Column.Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(column.Column.Header);
        _columns.Add(column);
        return this;
    }
}
