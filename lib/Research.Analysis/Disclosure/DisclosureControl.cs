using System.Globalization;
using Research.Analysis.Results;

namespace Research.Analysis.Disclosure;

/// <summary>
/// Statistical disclosure control for everything a report publishes together, after the CBS microdata output rules: no
/// number a reader can see or derive may rest on fewer than <see cref="MinimumCount"/> persons. What a number is comes
/// from its column's <see cref="ColumnKind"/> and the declared facts of its row, never from its name.
/// </summary>
/// <remarks>
/// <para>Rules, per cell (primary):</para>
/// <list type="bullet">
/// <item>a count below the minimum is withheld (<see cref="DisclosureRule.MinimumCount"/>);</item>
/// <item>a sample size (<see cref="ColumnRole.SampleSize"/>) is published rounded to a multiple of <see cref="RoundingBase"/> (<see cref="DisclosureRule.Rounded"/>);</item>
/// <item>a share is withheld when fewer than the minimum are in the status or out of it (<see cref="DisclosureRule.ShareMinimumCount"/>);</item>
/// <item>a mean of amounts is withheld below the minimum count or when one person contributes more than <see cref="DominanceShare"/> of the total (<see cref="DisclosureRule.Dominance"/>);</item>
/// <item>a model result is withheld when a group it rests on is below the minimum (<see cref="DisclosureRule.ModelSupport"/>);</item>
/// <item>an interval or spread of a share or amount goes with it.</item>
/// </list>
/// <para>Across tables (secondary, <see cref="DisclosureRule.Complementary"/>): shares that published effects connect
/// (an effect is a difference of two shares) are withheld together; and exact counts are audited as populations
/// (<see cref="PopulationLedger"/>), so no small group follows from totals, stages or other tables by subtraction.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class DisclosureControl
{
    /// <summary>The CBS minimum cell size for persons.</summary>
    public const int CbsMinimumCount = 10;

    /// <summary>Sample sizes are rounded to a multiple of this.</summary>
    public const int RoundingBase = 5;

    /// <summary>Creates the control with <paramref name="minimumCount"/> persons per cell and the dominance share.</summary>
    public DisclosureControl(int minimumCount = CbsMinimumCount, double dominanceShare = 0.5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumCount, 1);
        if (dominanceShare is not (> 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(dominanceShare), dominanceShare, "the dominance share must be in (0, 1]");
        }

        MinimumCount = minimumCount;
        DominanceShare = dominanceShare;
    }

    /// <summary>The control with the CBS rules.</summary>
    public static DisclosureControl Cbs { get; } = new();

    /// <summary>The smallest number of persons a published number may rest on.</summary>
    public int MinimumCount { get; }

    /// <summary>The largest share of a total of amounts one person may contribute.</summary>
    public double DominanceShare { get; }

    /// <summary>What each rule used in <paramref name="tables"/> says, by rule key: the legend of a result file.</summary>
    public IReadOnlyDictionary<string, string> RulesUsed(IEnumerable<ResultTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var used = tables.SelectMany(t => t.Rows).SelectMany(r => r.Disclosure.Values).ToHashSet(StringComparer.Ordinal);
        return DisclosureRule.All.Where(r => used.Contains(r.Key)).ToDictionary(r => r.Key,
            r => r == DisclosureRule.Rounded ? string.Create(CultureInfo.InvariantCulture, $"sample sizes rounded to a multiple of {RoundingBase}, at least {MinimumCount}") : r.Describe(MinimumCount),
            StringComparer.Ordinal);
    }

    /// <summary>Whether a count of <paramref name="persons"/> may be published.</summary>
    public bool MayPublish(double persons) => persons >= MinimumCount;

    /// <summary>One table on its own: per-cell rules, and the population audit of its own counts.</summary>
    public ResultTable Apply(ResultTable table) => Protect([DraftTable.Of(table)])[0];

    /// <summary>
    /// Every table of a publication, protected together; <paramref name="domains"/> gives the values of each population
    /// dimension (<c>arm</c> → the arm codes; unlisted dimensions are 0/1), <paramref name="publicCounts"/> populations
    /// whose counts are public anyway (the number of participants).
    /// </summary>
    public IReadOnlyList<ResultTable> Protect(IReadOnlyList<DraftTable> drafts, IReadOnlyDictionary<string, IReadOnlyList<string>>? domains = null,
        IReadOnlyDictionary<Population, int>? publicCounts = null)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var cells = drafts.Select(d => new Protection(d)).ToList();
        foreach (var table in cells)
        {
            Primary(table);
        }

        var withheldPopulations = new HashSet<Population>();
        for (var round = 0; ; round++)
        {
            var changed = LinkShares(cells);
            var ledger = Ledger(cells, domains ?? new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal), publicCounts);
            var more = ledger.Withhold().Where(withheldPopulations.Add).ToList();
            changed |= WithholdPopulations(cells, withheldPopulations) > 0 || more.Count > 0;
            if (!changed)
            {
                break;
            }

            if (round > 100)
            {
                throw new InvalidOperationException("disclosure control did not settle in 100 rounds");
            }
        }

        foreach (var table in cells)
        {
            table.FollowDescribed();
            table.RoundSampleSizes(MinimumCount);
        }

        return cells.Select(c => c.Result()).ToList();
    }

    private void Primary(Protection table)
    {
        var columns = table.Draft.Table.Columns;
        for (var r = 0; r < table.Rows; r++)
        {
            var facts = table.Draft.Facts[r];
            var unsupported = facts.Support.Any(n => n < MinimumCount);
            foreach (var column in columns.Where(c => !c.IsLabel && table.Has(r, c.Name)))
            {
                var value = table.Value(r, column.Name);
                var role = table.Draft.Role(column.Name);
                if (value is null)
                {
                    continue;
                }

                if (unsupported && role is ColumnRole.Model or ColumnRole.SampleSize)
                {
                    table.Withhold(r, column.Name, DisclosureRule.ModelSupport);
                    continue;
                }

                switch (column.Kind)
                {
                    case ColumnKind.Count when !MayPublish(value.Value):
                        table.Withhold(r, column.Name, DisclosureRule.MinimumCount);
                        break;
                    case ColumnKind.Share when table.Exact(r, column.Base!) is not { } n || !MayPublish(n):
                        table.Withhold(r, column.Name, DisclosureRule.MinimumCount);
                        break;
                    case ColumnKind.Share when !MayPublish(Math.Round(value.Value * table.Exact(r, column.Base!)!.Value)) || !MayPublish(table.Exact(r, column.Base!)!.Value - Math.Round(value.Value * table.Exact(r, column.Base!)!.Value)):
                        table.Withhold(r, column.Name, DisclosureRule.ShareMinimumCount);
                        break;
                    case ColumnKind.Amount when table.Exact(r, column.Base!) is not { } n || !MayPublish(n):
                        table.Withhold(r, column.Name, DisclosureRule.MinimumCount);
                        break;
                    case ColumnKind.Amount when facts.Magnitudes.TryGetValue(column.Name, out var m) && m.Total > 0 && m.Largest > DominanceShare * m.Total:
                        table.Withhold(r, column.Name, DisclosureRule.Dominance);
                        break;
                }
            }
        }
    }

    // Shares connected by published effects (a difference of two shares) are published together or not at all.
    private static bool LinkShares(List<Protection> tables)
    {
        var parent = new Dictionary<(string, string), (string, string)>();
        (string, string) Find((string, string) x)
        {
            while (parent.TryGetValue(x, out var p) && p != x)
            {
                x = p;
            }

            return x;
        }

        void Union((string, string) a, (string, string) b)
        {
            parent.TryAdd(a, a);
            parent.TryAdd(b, b);
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb)
            {
                parent[ra] = rb;
            }
        }

        foreach (var table in tables)
        {
            for (var r = 0; r < table.Rows; r++)
            {
                if (table.Draft.Facts[r].Effect is { } link && table.EffectPublished(r))
                {
                    Union((link.Group, link.Node), (link.Group, link.Other));
                }
            }
        }

        var closed = new HashSet<(string, string)>();
        foreach (var table in tables)
        {
            for (var r = 0; r < table.Rows; r++)
            {
                foreach (var (column, link) in table.Draft.Facts[r].ShareLinks.Where(l => table.IsWithheld(r, l.Key)))
                {
                    closed.Add(Find((link.Group, link.Node)));
                }
            }
        }

        var changed = false;
        foreach (var table in tables)
        {
            for (var r = 0; r < table.Rows; r++)
            {
                foreach (var (column, link) in table.Draft.Facts[r].ShareLinks)
                {
                    if (closed.Contains(Find((link.Group, link.Node))) && table.Value(r, column) is not null)
                    {
                        table.Withhold(r, column, DisclosureRule.Complementary);
                        changed = true;
                    }
                }
            }
        }

        return changed;
    }

    private PopulationLedger Ledger(List<Protection> tables, IReadOnlyDictionary<string, IReadOnlyList<string>> domains, IReadOnlyDictionary<Population, int>? publicCounts)
    {
        var ledger = new PopulationLedger(MinimumCount, domains);
        foreach (var (population, count) in publicCounts ?? new Dictionary<Population, int>())
        {
            ledger.Publish(population, count, fixedByDesign: true);
        }

        foreach (var table in tables)
        {
            for (var r = 0; r < table.Rows; r++)
            {
                var facts = table.Draft.Facts[r];
                foreach (var (column, population) in facts.Counts)
                {
                    if (table.Value(r, column) is { } count)
                    {
                        ledger.Publish(population, checked((int)count));
                    }
                }

                foreach (var (column, (inside, outside)) in facts.Shares)
                {
                    var baseColumn = table.Draft.Table.Column(column).Base!;
                    if (table.Value(r, column) is { } share && table.Value(r, baseColumn) is not null && table.Draft.Role(baseColumn) != ColumnRole.SampleSize
                        && table.Exact(r, baseColumn) is { } n)
                    {
                        var with = (int)Math.Round(share * n);
                        ledger.Publish(inside, with);
                        ledger.Publish(outside, (int)n - with);
                    }
                }
            }
        }

        return ledger;
    }

    private static int WithholdPopulations(List<Protection> tables, HashSet<Population> withheld)
    {
        var count = 0;
        foreach (var table in tables)
        {
            for (var r = 0; r < table.Rows; r++)
            {
                var facts = table.Draft.Facts[r];
                foreach (var (column, population) in facts.Counts.Where(c => withheld.Contains(c.Value) && table.Value(r, c.Key) is not null))
                {
                    table.Withhold(r, column, DisclosureRule.Complementary);
                    count++;
                }

                foreach (var (column, _) in facts.Shares.Where(s => (withheld.Contains(s.Value.In) || withheld.Contains(s.Value.Out)) && table.Value(r, s.Key) is not null))
                {
                    table.Withhold(r, column, DisclosureRule.Complementary);
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>One table being protected: its values and the rule applied to each changed cell.</summary>
    private sealed class Protection(DraftTable draft)
    {
        private readonly List<Dictionary<string, double?>> _values = draft.Table.Rows.Select(r => r.Values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal)).ToList();
        private readonly List<Dictionary<string, string>> _rules = draft.Table.Rows.Select(r => r.Disclosure.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal)).ToList();

        public DraftTable Draft { get; } = draft;

        public int Rows => _values.Count;

        public bool Has(int row, string column) => _values[row].ContainsKey(column);

        public double? Value(int row, string column) => _values[row].GetValueOrDefault(column);

        public double? Exact(int row, string column) => Draft.Table.Rows[row].Values.GetValueOrDefault(column);

        public bool IsWithheld(int row, string column) => _rules[row].ContainsKey(column) && _values[row].GetValueOrDefault(column) is null;

        public bool EffectPublished(int row) =>
            Draft.Table.Columns.Any(c => Draft.Role(c.Name) == ColumnRole.Model && c.Kind == ColumnKind.Estimate && _values[row].GetValueOrDefault(c.Name) is not null);

        public void Withhold(int row, string column, DisclosureRule rule)
        {
            if (_values[row].ContainsKey(column))
            {
                _values[row][column] = null;
                _rules[row].TryAdd(column, rule.Key);
            }
        }

        public void FollowDescribed()
        {
            foreach (var column in Draft.Table.Columns.Where(c => c.Describes is not null))
            {
                for (var r = 0; r < Rows; r++)
                {
                    if (IsWithheld(r, column.Describes!))
                    {
                        Withhold(r, column.Name, DisclosureRule.Of(_rules[r][column.Describes!]));
                    }
                }
            }
        }

        public void RoundSampleSizes(int minimum)
        {
            foreach (var column in Draft.Table.Columns.Where(c => Draft.Role(c.Name) == ColumnRole.SampleSize))
            {
                for (var r = 0; r < Rows; r++)
                {
                    if (_values[r].GetValueOrDefault(column.Name) is { } n)
                    {
                        _values[r][column.Name] = Math.Max(minimum, RoundingBase * Math.Round(n / RoundingBase, MidpointRounding.AwayFromZero));
                        _rules[r].TryAdd(column.Name, DisclosureRule.Rounded.Key);
                    }
                }
            }
        }

        public ResultTable Result() =>
            Draft.Table with { Rows = [.. Draft.Table.Rows.Select((row, r) => row with { Values = _values[r], Disclosure = _rules[r] })] };
    }
}
