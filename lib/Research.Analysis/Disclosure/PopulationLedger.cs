namespace Research.Analysis.Disclosure;

/// <summary>
/// What a reader can derive from the counts published together: starting from the published populations, it adds every
/// population obtained by subtracting a published or derived subset (a stage minus the next, a total minus its parts)
/// or by adding two disjoint neighbours (two arms), and reports a derived count between 1 and the minimum minus one.
/// <see cref="Withhold"/> then chooses published populations to withhold until nothing small can be derived
/// (complementary suppression), preferring those published in the fewest places.
/// </summary>
/// <remarks>
/// Populations are "rectangles" (a set of values per dimension), so derivations are the subtractions and additions of
/// rectangles that differ in one dimension. A reader could in principle combine more; this closure covers what tables of
/// totals, stages, arms and characteristics allow, which is what a reader of these reports would do.
/// </remarks>
public sealed class PopulationLedger
{
    private static readonly string[] Binary = ["0", "1"];
    private readonly int _minimum;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _domains;
    private readonly Dictionary<Population, Published> _published = [];

    // A closure meets the same derived population through many pairs of facts: each dimension's numbered domain and
    // the populations made from a rest and a set of its values are kept for the ledger's life.
    private readonly Dictionary<string, Dimension> _dimensions = new(StringComparer.Ordinal);

    /// <summary>A ledger for counts of at least <paramref name="minimumCount"/>; <paramref name="domains"/> lists each dimension's values (default 0 and 1).</summary>
    public PopulationLedger(int minimumCount, IReadOnlyDictionary<string, IReadOnlyList<string>> domains)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumCount, 1);
        ArgumentNullException.ThrowIfNull(domains);
        _minimum = minimumCount;
        _domains = domains;
    }

    /// <summary>Records that <paramref name="population"/> is published with <paramref name="count"/> persons, in <paramref name="places"/> cells (more places: costlier to withhold); <paramref name="fixedByDesign"/> counts cannot be withheld (they are public elsewhere).</summary>
    /// <exception cref="InvalidOperationException">The population was recorded before with another count.</exception>
    public void Publish(Population population, int count, int places = 1, bool fixedByDesign = false)
    {
        ArgumentNullException.ThrowIfNull(population);
        if (_published.TryGetValue(population, out var known))
        {
            if (known.Count != count)
            {
                throw new InvalidOperationException($"population {population} is published as {known.Count} and as {count}");
            }

            _published[population] = known with { Places = known.Places + places, Fixed = known.Fixed || fixedByDesign };
            return;
        }

        _published[population] = new Published(count, places, fixedByDesign);
    }

    /// <summary>
    /// The published populations to withhold so that no count between 1 and the minimum minus one can be derived,
    /// chosen greedily, deterministically.
    /// </summary>
    /// <exception cref="InvalidOperationException">Only populations that cannot be withheld reveal a small count.</exception>
    public IReadOnlySet<Population> Withhold()
    {
        var withheld = new HashSet<Population>();
        while (FirstLeak(withheld) is { } leak)
        {
            var victim = leak.Sources.Where(p => !_published[p].Fixed)
                .OrderBy(p => _published[p].Places).ThenByDescending(p => p.Dimensions.Count()).ThenBy(p => p.ToString(), StringComparer.Ordinal)
                .FirstOrDefault() ?? throw new InvalidOperationException($"{leak.Population} ({leak.Count} persons) can be derived from counts that cannot be withheld: {string.Join(", ", leak.Sources)}");
            withheld.Add(victim);
        }

        return withheld;
    }

    /// <summary>Every count a reader can derive from the published populations except <paramref name="withheld"/>, with the published populations it rests on.</summary>
    public IReadOnlyList<Derived> Derivable(IReadOnlySet<Population>? withheld = null)
    {
        var known = new Dictionary<Population, Derived>();
        Close(known, withheld ?? new HashSet<Population>(), stopAtLeak: false);
        return [.. known.Values];
    }

    private Derived? FirstLeak(HashSet<Population> withheld) => Close([], withheld, stopAtLeak: true);

    private Derived? Close(Dictionary<Population, Derived> known, IReadOnlySet<Population> withheld, bool stopAtLeak)
    {
        var index = new Dictionary<(Dimension, Population), List<Population>>();
        var queue = new Queue<Population>();
        var dimensions = _published.Keys.SelectMany(p => p.Dimensions).Concat(_domains.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(Named).ToList();
        foreach (var (population, published) in _published.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal).Where(p => !withheld.Contains(p.Key)))
        {
            known[population] = new Derived(population, published.Count, new HashSet<Population> { population }, IsPublished: true);
            queue.Enqueue(population);
        }

        while (queue.TryDequeue(out var next))
        {
            var fact = known[next];
            foreach (var dimension in dimensions)
            {
                var rest = next.Without(dimension.Name);
                var key = (dimension, rest);
                if (!index.TryGetValue(key, out var neighbours))
                {
                    neighbours = [];
                    index[key] = neighbours;
                }

                // The list grows only after this loop (by next itself), so it is read in place, not copied per fact.
                for (var n = 0; n < neighbours.Count; n++)
                {
                    var earlier = known[neighbours[n]];
                    if (Combine(fact, earlier, dimension, rest) is not { } combined || known.ContainsKey(combined.Population))
                    {
                        continue;
                    }

                    // The sources are gathered only for a new fact: most combinations are known already.
                    var sources = new HashSet<Population>(fact.Sources);
                    sources.UnionWith(earlier.Sources);
                    var derived = new Derived(combined.Population, combined.Count, sources, IsPublished: false);
                    known[derived.Population] = derived;
                    if (derived.Count is > 0 && derived.Count < _minimum && stopAtLeak)
                    {
                        return derived;
                    }

                    queue.Enqueue(derived.Population);
                }

                neighbours.Add(next);
            }
        }

        return null;
    }

    // Two facts that differ only in one dimension: a subset's complement within the other, or the union of disjoint ones.
    private static (Population Population, int Count)? Combine(Derived a, Derived b, Dimension named, Population rest)
    {
        var (dimension, domain) = (named.Name, named.Values);
        if (named.Numbered?.Mask(a.Population[dimension]) is { } maskA && named.Numbered.Mask(b.Population[dimension]) is { } maskB)
        {
            return Combine(maskA, a.Count, maskB, b.Count, named, rest);
        }

        var setA = (IReadOnlySet<string>?)a.Population[dimension] ?? new HashSet<string>(domain, StringComparer.Ordinal);
        var setB = (IReadOnlySet<string>?)b.Population[dimension] ?? new HashSet<string>(domain, StringComparer.Ordinal);
        if (setA.IsProperSubsetOf(setB))
        {
            return Make(rest, dimension, [.. setB.Except(setA)], domain, b.Count - a.Count);
        }

        if (setB.IsProperSubsetOf(setA))
        {
            return Make(rest, dimension, [.. setA.Except(setB)], domain, a.Count - b.Count);
        }

        return setA.Overlaps(setB) ? null : Make(rest, dimension, [.. setA.Union(setB)], domain, a.Count + b.Count);
    }

    // The same three cases on masks: A ⊂ B when A has no value outside B and differs from it.
    private static (Population Population, int Count)? Combine(ulong a, int countA, ulong b, int countB, Dimension dimension, Population rest)
    {
        if (a == b)
        {
            return null;
        }

        if ((a & ~b) == 0)
        {
            return (Made(rest, dimension, b & ~a), countB - countA);
        }

        if ((b & ~a) == 0)
        {
            return (Made(rest, dimension, a & ~b), countA - countB);
        }

        return (a & b) != 0 ? null : (Made(rest, dimension, a | b), countA + countB);
    }

    private static Population Made(Population rest, Dimension dimension, ulong values)
    {
        var numbered = dimension.Numbered!;
        if (values == numbered.Whole)
        {
            return rest;
        }

        if (!dimension.Made.TryGetValue((rest, values), out var made))
        {
            made = rest.Where(dimension.Name, numbered.ValuesOf(values));
            dimension.Made[(rest, values)] = made;
        }

        return made;
    }

    private Dimension Named(string name)
    {
        if (!_dimensions.TryGetValue(name, out var dimension))
        {
            var values = _domains.TryGetValue(name, out var domain) ? domain : Binary;
            dimension = new Dimension(name, values);
            _dimensions[name] = dimension;
        }

        return dimension;
    }

    private static (Population Population, int Count) Make(Population rest, string dimension, string[] values, IReadOnlyList<string> domain, int count) =>
        (values.Length >= domain.Count && domain.All(values.Contains) ? rest : rest.Where(dimension, values), count);

    private sealed record Published(int Count, int Places, bool Fixed);

    // A dimension, its values (numbered when they fit a mask) and the populations made from a rest and a set of them;
    // compared by reference, one per name and ledger.
    private sealed class Dimension(string name, IReadOnlyList<string> values)
    {
        public string Name { get; } = name;

        public IReadOnlyList<string> Values { get; } = values;

        public DimensionDomain? Numbered { get; } = DimensionDomain.TryCreate(values);

        public Dictionary<(Population, ulong), Population> Made { get; } = [];
    }

    /// <summary>A count a reader knows.</summary>
    /// <param name="Population">The persons counted.</param>
    /// <param name="Count">How many.</param>
    /// <param name="Sources">The published populations it is derived from (itself when published).</param>
    /// <param name="IsPublished">Whether it is published rather than derived.</param>
    public sealed record Derived(Population Population, int Count, IReadOnlySet<Population> Sources, bool IsPublished);
}
