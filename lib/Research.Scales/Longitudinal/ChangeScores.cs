using System.Globalization;
using Research.Scales.Scoring;

namespace Research.Scales.Longitudinal;

/// <summary>Change between two waves of one score, per respondent, from long-format (respondent × wave) scores.</summary>
public sealed class ChangeScores
{
    private ChangeScores(int baselineWave, int followUpWave, IReadOnlyList<ScoreChange> rows)
    {
        BaselineWave = baselineWave;
        FollowUpWave = followUpWave;
        Rows = rows;
    }

    /// <summary>The baseline wave.</summary>
    public int BaselineWave { get; }

    /// <summary>The follow-up wave.</summary>
    public int FollowUpWave { get; }

    /// <summary>One row per respondent seen in either wave, in order of first appearance.</summary>
    public IReadOnlyList<ScoreChange> Rows { get; }

    /// <summary>Change scores from a scored long-format table.</summary>
    /// <param name="scores">The score column (one row per respondent × wave).</param>
    /// <param name="respondents">Respondent id per row.</param>
    /// <param name="waves">Wave per row.</param>
    /// <param name="baselineWave">Baseline wave; null = the first wave present.</param>
    /// <param name="followUpWave">Follow-up wave; null = the last wave present.</param>
    public static ChangeScores Compute(
        ScoreColumn scores, IReadOnlyList<string> respondents, IReadOnlyList<int> waves, int? baselineWave = null, int? followUpWave = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var reasons = scores.MissingReasons;
        return Compute(scores.Values, respondents, waves, baselineWave, followUpWave, row => reasons[row]);
    }

    /// <summary>Change scores from plain long-format values.</summary>
    /// <param name="scores">Score per row, null when missing.</param>
    /// <param name="respondents">Respondent id per row.</param>
    /// <param name="waves">Wave per row.</param>
    /// <param name="baselineWave">Baseline wave; null = the first wave present.</param>
    /// <param name="followUpWave">Follow-up wave; null = the last wave present.</param>
    /// <exception cref="ArgumentException">Lengths differ, a respondent occurs twice in one wave, or the waves are not distinct.</exception>
    public static ChangeScores Compute(
        IReadOnlyList<double?> scores, IReadOnlyList<string> respondents, IReadOnlyList<int> waves, int? baselineWave = null, int? followUpWave = null) =>
        Compute(scores, respondents, waves, baselineWave, followUpWave, _ => null);

    /// <summary>The complete cases for outcome ~ treatment + baseline, with the exclusions.</summary>
    /// <exception cref="InvalidOperationException">No respondent has both scores.</exception>
    public AncovaInputs ToAncovaInputs()
    {
        var complete = Rows.Where(r => r.Change is not null).ToList();
        if (complete.Count == 0)
        {
            throw new InvalidOperationException(
                $"No respondent has a score in both wave {BaselineWave} and wave {FollowUpWave}; an ANCOVA is not possible.");
        }

        var baseline = complete.Select(r => r.Baseline!.Value).ToList();
        var mean = baseline.Average();
        return new AncovaInputs(
            BaselineWave,
            FollowUpWave,
            complete.Select(r => r.Respondent).ToList(),
            complete.Select(r => r.FollowUp!.Value).ToList(),
            baseline,
            mean,
            baseline.Select(b => b - mean).ToList(),
            Rows.Where(r => r.Change is null).ToList());
    }

    private static ChangeScores Compute(
        IReadOnlyList<double?> scores,
        IReadOnlyList<string> respondents,
        IReadOnlyList<int> waves,
        int? baselineWave,
        int? followUpWave,
        Func<int, string?> scoreReason)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(respondents);
        ArgumentNullException.ThrowIfNull(waves);
        if (respondents.Count != scores.Count || waves.Count != scores.Count)
        {
            throw new ArgumentException(
                $"{scores.Count} scores, {respondents.Count} respondent ids and {waves.Count} waves; they must be parallel.", nameof(respondents));
        }

        if (scores.Count == 0)
        {
            throw new ArgumentException("No rows.", nameof(scores));
        }

        var first = baselineWave ?? waves.Min();
        var last = followUpWave ?? waves.Max();
        if (first == last)
        {
            throw new ArgumentException($"Baseline and follow-up are the same wave ({first}).", nameof(baselineWave));
        }

        var order = new List<string>();
        var byRespondent = new Dictionary<string, (int? BaselineRow, int? FollowUpRow)>(StringComparer.Ordinal);
        for (var row = 0; row < scores.Count; row++)
        {
            if (waves[row] != first && waves[row] != last)
            {
                continue;
            }

            var id = respondents[row];
            if (!byRespondent.TryGetValue(id, out var entry))
            {
                order.Add(id);
                entry = (null, null);
            }

            if (waves[row] == first)
            {
                if (entry.BaselineRow is not null)
                {
                    throw Duplicate(id, first, entry.BaselineRow.Value, row);
                }

                entry.BaselineRow = row;
            }
            else
            {
                if (entry.FollowUpRow is not null)
                {
                    throw Duplicate(id, last, entry.FollowUpRow.Value, row);
                }

                entry.FollowUpRow = row;
            }

            byRespondent[id] = entry;
        }

        var rows = order.Select(id =>
        {
            var (b, f) = byRespondent[id];
            var baseline = b is { } br ? scores[br] : null;
            var followUp = f is { } fr ? scores[fr] : null;
            string? reason = null;
            if (baseline is null)
            {
                reason = Missing(first, b, scoreReason);
            }

            if (followUp is null)
            {
                reason = reason is null ? Missing(last, f, scoreReason) : $"{reason}; {Missing(last, f, scoreReason)}";
            }

            return new ScoreChange(id, baseline, followUp, reason is null ? followUp - baseline : null, reason);
        }).ToList();
        return new ChangeScores(first, last, rows);
    }

    private static string Missing(int wave, int? row, Func<int, string?> scoreReason) =>
        row is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"wave {wave} score missing ({scoreReason(r) ?? "no score"})")
            : string.Create(CultureInfo.InvariantCulture, $"no record in wave {wave}");

    private static ArgumentException Duplicate(string id, int wave, int firstRow, int secondRow) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"Respondent {id} occurs twice in wave {wave} (rows {firstRow} and {secondRow})."), "respondents");
}
