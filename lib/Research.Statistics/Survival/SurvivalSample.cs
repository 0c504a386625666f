using System.Globalization;

namespace Research.Statistics.Survival;

/// <summary>Validated right-censored observations: a time and whether the event (e.g. outflow) was observed.</summary>
internal sealed class SurvivalSample
{
    private SurvivalSample(double[] times, bool[] events)
    {
        Times = times;
        Events = events;
    }

    public double[] Times { get; }

    public bool[] Events { get; }

    public int Count => Times.Length;

    public static SurvivalSample Create(IReadOnlyList<double> times, IReadOnlyList<bool> events)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(events);
        if (times.Count == 0)
        {
            throw new ArgumentException("At least one observation is needed; the times are empty.", nameof(times));
        }

        if (events.Count != times.Count)
        {
            throw new ArgumentException($"Expected {times.Count} event flags (one per time) but got {events.Count}.", nameof(events));
        }

        for (var i = 0; i < times.Count; i++)
        {
            if (!double.IsFinite(times[i]) || times[i] < 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Time {i} is {times[i]:R}; times must be finite and non-negative."), nameof(times));
            }
        }

        return new SurvivalSample(times.ToArray(), events.ToArray());
    }

    /// <summary>Observations per group label, groups in ordinal order.</summary>
    public static IReadOnlyList<(string Group, int[] Indices)> Groups(IReadOnlyList<string> groups, int count)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Count != count)
        {
            throw new ArgumentException($"Expected {count} group labels (one per time) but got {groups.Count}.", nameof(groups));
        }

        for (var i = 0; i < count; i++)
        {
            if (string.IsNullOrWhiteSpace(groups[i]))
            {
                throw new ArgumentException($"Group label {i} is missing.", nameof(groups));
            }
        }

        return Enumerable.Range(0, count)
            .GroupBy(i => groups[i], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.ToArray()))
            .ToArray();
    }

    /// <summary>Distinct times in increasing order, each with the observations at that time.</summary>
    public IEnumerable<(double Time, int[] Observations)> DistinctTimes()
    {
        var order = Enumerable.Range(0, Count).OrderBy(i => Times[i]).ToArray();
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end < order.Length && Times[order[end]] == Times[order[start]])
            {
                end++;
            }

            yield return (Times[order[start]], order[start..end]);
            start = end;
        }
    }

    /// <summary>Distinct times in increasing order with, at each, the number at risk (time ≥ t), events and censorings.</summary>
    public IEnumerable<(double Time, int AtRisk, int Events, int Censored)> RiskSets()
    {
        var atRisk = Count;
        foreach (var (time, observations) in DistinctTimes())
        {
            var events = observations.Count(i => Events[i]);
            yield return (time, atRisk, events, observations.Length - events);
            atRisk -= observations.Length;
        }
    }
}
