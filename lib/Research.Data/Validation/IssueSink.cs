namespace Research.Data.Validation;

/// <summary>
/// Collects issues while reading and validating. Every issue is counted; the details of the first
/// <see cref="DetailLimit"/> are kept, so a badly broken 24-million-row file cannot exhaust memory.
/// </summary>
public sealed class IssueSink
{
    private readonly List<ValidationIssue> _details = [];
    private readonly Dictionary<(Severity, string, string), int> _counts = [];
    private readonly HashSet<string> _identifiers = new(StringComparer.Ordinal);

    /// <summary>Creates a sink that keeps at most <paramref name="detailLimit"/> issue details.</summary>
    public IssueSink(int detailLimit = 10_000) => DetailLimit = detailLimit;

    /// <summary>How many issue details are kept.</summary>
    public int DetailLimit { get; }

    /// <summary>Number of errors seen.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>Number of warnings seen.</summary>
    public int WarningCount { get; private set; }

    /// <summary>
    /// Declares columns whose values identify a person: an issue in such a column keeps its value only as
    /// <see cref="ValidationIssue.Identifier"/>, which reports print only on request.
    /// </summary>
    public void ProtectIdentifiers(IEnumerable<string> columns) => _identifiers.UnionWith(columns);

    /// <summary>Records <paramref name="issue"/> (its value moved to <see cref="ValidationIssue.Identifier"/> when the column identifies a person).</summary>
    public void Add(ValidationIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (issue.Value is not null && issue.Column is { } column && column.Split('+').Any(_identifiers.Contains))
        {
            issue = issue with { Value = null, Identifier = issue.Identifier ?? issue.Value };
        }

        if (issue.Severity == Severity.Error)
        {
            ErrorCount++;
        }
        else
        {
            WarningCount++;
        }

        var key = (issue.Severity, issue.File, issue.Rule);
        _counts[key] = _counts.GetValueOrDefault(key) + 1;
        if (_details.Count < DetailLimit)
        {
            _details.Add(issue);
        }
    }

    /// <summary>Records an error; <paramref name="identifier"/> is the person it concerns, printed only on request.</summary>
    public void Error(string file, int? row, string? column, string? value, string rule, string message, string? identifier = null) =>
        Add(new ValidationIssue(Severity.Error, file, row, column, value, rule, message) { Identifier = identifier });

    /// <summary>Records a warning; <paramref name="identifier"/> is the person it concerns, printed only on request.</summary>
    public void Warning(string file, int? row, string? column, string? value, string rule, string message, string? identifier = null) =>
        Add(new ValidationIssue(Severity.Warning, file, row, column, value, rule, message) { Identifier = identifier });

    /// <summary>An empty sink with this one's detail limit and protected identifier columns, for a part of the work done in parallel (see <see cref="Append(IssueSink)"/>).</summary>
    public IssueSink Fork()
    {
        var fork = new IssueSink(DetailLimit);
        fork.ProtectIdentifiers(_identifiers);
        return fork;
    }

    /// <summary>
    /// Adds the issues of <paramref name="other"/> (a <see cref="Fork"/> of this sink) as if they had been reported here
    /// after this sink's own: its counts, and its details while this sink's limit allows (a fork keeps at least as many
    /// details as the limit lets this sink take).
    /// </summary>
    public void Append(IssueSink other) => Append(other, rowOffset: 0);

    /// <summary>
    /// As <see cref="Append(IssueSink)"/>, with every row number of <paramref name="other"/>'s details moved on by
    /// <paramref name="rowOffset"/> (a fork that read a later part of the same file and numbered its rows from the start).
    /// </summary>
    public void Append(IssueSink other, int rowOffset)
    {
        ArgumentNullException.ThrowIfNull(other);
        ErrorCount += other.ErrorCount;
        WarningCount += other.WarningCount;
        foreach (var (key, count) in other._counts)
        {
            _counts[key] = _counts.GetValueOrDefault(key) + count;
        }

        _details.AddRange(other._details.Take(DetailLimit - _details.Count)
            .Select(issue => rowOffset != 0 && issue.Row is { } row ? issue with { Row = row + rowOffset } : issue));
    }

    /// <summary>The report of everything recorded so far.</summary>
    public ValidationReport ToReport() =>
        new(_details.ToList(),
            _counts.Select(kv => new IssueCount(kv.Key.Item1, kv.Key.Item2, kv.Key.Item3, kv.Value))
                .OrderBy(c => c.Severity).ThenBy(c => c.File, StringComparer.Ordinal).ThenBy(c => c.Rule, StringComparer.Ordinal)
                .ToList(),
            ErrorCount,
            WarningCount);
}
