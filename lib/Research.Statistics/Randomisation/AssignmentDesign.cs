using MathNet.Numerics;

namespace Research.Statistics.Randomisation;

/// <summary>
/// The units that were randomised (individuals or whole clusters), their arms, and the strata within which arms were
/// shuffled. Re-randomisation permutes the arms of the units inside each stratum, keeping every stratum's arm counts.
/// </summary>
internal sealed class AssignmentDesign
{
    private readonly int[] _unitOfIndividual;
    private readonly int[][] _unitsByStratum;

    private AssignmentDesign(int[] unitOfIndividual, int[] unitArms, int[][] unitsByStratum)
    {
        _unitOfIndividual = unitOfIndividual;
        UnitArms = unitArms;
        _unitsByStratum = unitsByStratum;
    }

    /// <summary>Arm of each unit under the observed assignment.</summary>
    public int[] UnitArms { get; }

    public int IndividualCount => _unitOfIndividual.Length;

    /// <summary>
    /// The design; with <paramref name="permutedArms"/>, units of the other arms form blocks of their own, so they
    /// never move and the permuted arms keep their counts within each stratum.
    /// </summary>
    public static AssignmentDesign Create(IReadOnlyList<int> assignment, IReadOnlyList<string>? strata, IReadOnlyList<string>? clusters, IReadOnlyList<int>? permutedArms = null)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var n = assignment.Count;
        if (n < 2)
        {
            throw new ArgumentException("At least two individuals are needed for a randomisation test.", nameof(assignment));
        }

        CheckLabels(strata, n, "strata", "Stratum");
        CheckLabels(clusters, n, "clusters", "Cluster");

        var unitOf = new int[n];
        var unitArms = new List<int>();
        var unitStrata = new List<string>();
        var unitIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var stratum = strata?[i] ?? string.Empty;
            if (clusters is null || !unitIndex.TryGetValue(clusters[i], out var unit))
            {
                unit = unitArms.Count;
                unitArms.Add(assignment[i]);
                unitStrata.Add(stratum);
                if (clusters is not null)
                {
                    unitIndex[clusters[i]] = unit;
                }
            }
            else if (unitArms[unit] != assignment[i])
            {
                throw new ArgumentException($"Cluster \"{clusters[i]}\" has individuals in different arms ({unitArms[unit]} and {assignment[i]} at position {i}); a cluster-randomised assignment must be constant within clusters.", nameof(assignment));
            }
            else if (unitStrata[unit] != stratum)
            {
                throw new ArgumentException($"Cluster \"{clusters[i]}\" spans strata \"{unitStrata[unit]}\" and \"{stratum}\" (position {i}); clusters must be nested in strata.", nameof(strata));
            }

            unitOf[i] = unit;
        }

        if (permutedArms is not null)
        {
            var absent = permutedArms.Where(a => !unitArms.Contains(a)).ToList();
            if (permutedArms.Count < 2 || absent.Count > 0)
            {
                throw new ArgumentException($"PermutedArms must name at least two arms that occur in the assignment; got [{string.Join(", ", permutedArms)}].", nameof(permutedArms));
            }
        }

        // A unit outside the permuted arms is a block of its own: a fixed point of every re-randomisation.
        var byStratum = Enumerable.Range(0, unitArms.Count)
            .GroupBy(u => permutedArms is null || permutedArms.Contains(unitArms[u]) ? (Stratum: unitStrata[u], Unit: -1) : (Stratum: string.Empty, Unit: u))
            .Select(g => g.ToArray()).ToArray();
        if (byStratum.All(units => units.Select(u => unitArms[u]).Distinct().Count() < 2))
        {
            throw new ArgumentException(permutedArms is null
                ? "Every stratum has all its units in one arm, so no other assignment is possible."
                : "No stratum has units of two of the permuted arms, so no other assignment is possible.", nameof(assignment));
        }

        return new AssignmentDesign(unitOf, unitArms.ToArray(), byStratum);
    }

    /// <summary>Natural log of the number of distinct assignments: Σ over strata of log(n_s! / Π_arm c_arm!).</summary>
    public double LogAssignmentCount() => _unitsByStratum.Sum(units =>
        SpecialFunctions.FactorialLn(units.Length) - units.GroupBy(u => UnitArms[u]).Sum(g => SpecialFunctions.FactorialLn(g.Count())));

    /// <summary>Copies unit arms to individuals.</summary>
    public void Expand(int[] unitArms, int[] individuals)
    {
        for (var i = 0; i < individuals.Length; i++)
        {
            individuals[i] = unitArms[_unitOfIndividual[i]];
        }
    }

    /// <summary>Every distinct assignment once (the observed one included), as unit arms; the array is reused.</summary>
    public IEnumerable<int[]> AllAssignments()
    {
        var current = (int[])UnitArms.Clone();
        var blocks = _unitsByStratum.Select(units => units.Select(u => UnitArms[u]).Order().ToArray()).ToArray();
        while (true)
        {
            for (var s = 0; s < blocks.Length; s++)
            {
                for (var j = 0; j < blocks[s].Length; j++)
                {
                    current[_unitsByStratum[s][j]] = blocks[s][j];
                }
            }

            yield return current;

            // Odometer over strata: advance the first stratum that has a next permutation, reset those before it.
            var s2 = 0;
            while (s2 < blocks.Length && !NextPermutation(blocks[s2]))
            {
                s2++;
            }

            if (s2 == blocks.Length)
            {
                yield break;
            }
        }
    }

    /// <summary>Fills <paramref name="unitArms"/> with a uniformly random assignment: a Fisher–Yates shuffle of each stratum's arms.</summary>
    public void Shuffle(Random random, int[] unitArms)
    {
        foreach (var units in _unitsByStratum)
        {
            for (var j = units.Length - 1; j > 0; j--)
            {
                var k = random.Next(j + 1);
                (unitArms[units[j]], unitArms[units[k]]) = (unitArms[units[k]], unitArms[units[j]]);
            }
        }
    }

    /// <summary>Rearranges to the next lexicographic permutation; at the last one resets to sorted order and returns false.</summary>
    private static bool NextPermutation(int[] a)
    {
        var i = a.Length - 2;
        while (i >= 0 && a[i] >= a[i + 1])
        {
            i--;
        }

        if (i < 0)
        {
            Array.Reverse(a);
            return false;
        }

        var j = a.Length - 1;
        while (a[j] <= a[i])
        {
            j--;
        }

        (a[i], a[j]) = (a[j], a[i]);
        Array.Reverse(a, i + 1, a.Length - i - 1);
        return true;
    }

    private static void CheckLabels(IReadOnlyList<string>? labels, int n, string parameter, string what)
    {
        if (labels is null)
        {
            return;
        }

        if (labels.Count != n)
        {
            throw new ArgumentException($"Expected {n} {parameter} labels (one per individual) but got {labels.Count}.", parameter);
        }

        for (var i = 0; i < n; i++)
        {
            if (string.IsNullOrWhiteSpace(labels[i]))
            {
                throw new ArgumentException($"{what} label {i} is missing.", parameter);
            }
        }
    }
}
