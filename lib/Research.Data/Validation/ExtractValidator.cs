using System.Globalization;
using Research.Data.Design;
using Research.Data.Schema;
using Research.Data.Tables;

namespace Research.Data.Validation;

/// <summary>
/// The rules that span rows and tables: primary and foreign keys, arms known for the municipality, one-sided take-up,
/// intake windows, contiguous register months covering the analysis window, and known survey waves.
/// </summary>
public static class ExtractValidator
{
    /// <summary>Months of register data required before the randomisation month.</summary>
    public const int MonthsBefore = 12;

    /// <summary>Months of register data required after the randomisation month.</summary>
    public const int MonthsAfter = 36;

    /// <summary>Checks the cross-table rules of an extract whose tables have been read.</summary>
    public static void Validate(Extract extract, IssueSink sink)
    {
        foreach (var table in extract.Tables)
        {
            CheckPrimaryKey(table, sink);
            foreach (var fk in table.Resource.Schema.ForeignKeys)
            {
                var target = extract.Tables.FirstOrDefault(t => t.Name == fk.ReferencedResource);
                if (target is not null)
                {
                    CheckForeignKey(table, fk, target, sink);
                }
            }
        }

        if (extract.Participants is not { } participants)
        {
            return;
        }

        var people = ParticipantFacts.From(participants, extract.Experiments, sink);
        if (extract.RegisterMonths is { } register)
        {
            CheckRegister(register, participants, people, sink);
        }

        if (extract.SurveyResponses is { } survey)
        {
            CheckSurvey(survey, participants, people, sink);
        }
    }

    private static void CheckPrimaryKey(Table table, IssueSink sink)
    {
        var key = table.Resource.Schema.PrimaryKey;
        if (key.Count == 0)
        {
            return;
        }

        var file = table.Resource.Path;
        if (table[key[0]] is not StringColumn first)
        {
            sink.Error(file, null, key[0], null, Rules.Descriptor, "the first primary-key field must be a string field");
            return;
        }

        var rest = key.Skip(1).Select(k => table[k]).ToList();
        var groups = GroupIndex.By(first);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < groups.GroupCount; g++)
        {
            var rows = groups.Rows(g);
            if (rows.Length < 2)
            {
                continue;
            }

            seen.Clear();
            foreach (var row in rows)
            {
                if (rest.Any(c => c.IsMissing(row)))
                {
                    continue;
                }

                var tail = string.Join("|", rest.Select(c => Convert.ToString(c.GetValue(row), CultureInfo.InvariantCulture)));
                if (!seen.Add(tail))
                {
                    var value = rest.Count == 0 ? first.Levels[g] : $"{first.Levels[g]}|{tail}";
                    sink.Error(file, table.FileRowNumber(row), string.Join("+", key), value, Rules.PrimaryKey,
                        $"duplicate primary key ({string.Join(", ", key)}): an earlier row has the same key");
                }
            }
        }
    }

    private static void CheckForeignKey(Table table, ForeignKey fk, Table target, IssueSink sink)
    {
        var file = table.Resource.Path;
        if (fk.Fields.Count != 1 || table[fk.Fields[0]] is not StringColumn source || target[fk.ReferencedFields[0]] is not StringColumn referenced)
        {
            sink.Error(file, null, string.Join("+", fk.Fields), null, Rules.Descriptor, "only single string-field foreign keys are supported");
            return;
        }

        var known = new HashSet<string>(referenced.Levels, StringComparer.Ordinal);
        var orphan = source.Levels.Select(l => !known.Contains(l)).ToArray();
        var codes = source.Codes;
        for (var row = 0; row < codes.Length; row++)
        {
            if (codes[row] >= 0 && orphan[codes[row]])
            {
                sink.Error(file, table.FileRowNumber(row), source.Name, source.Levels[codes[row]], Rules.ForeignKey,
                    $"no row of {target.Name} has this {fk.ReferencedFields[0]}");
            }
        }
    }

    private static void CheckRegister(Table register, Table participants, ParticipantFacts people, IssueSink sink)
    {
        var file = register.Resource.Path;
        var ids = register.Strings("person_id");
        var months = register.YearMonths("month");
        var onBenefit = register.Booleans("on_benefit");
        var amount = register.Numbers("benefit_amount");
        var groups = GroupIndex.By(ids);
        var covered = new bool[people.Count];
        for (var g = 0; g < groups.GroupCount; g++)
        {
            var rows = groups.Rows(g);
            if (rows.Length == 0 || !people.TryFind(ids.Levels[g], out var person))
            {
                continue;
            }

            covered[person] = true;
            var present = rows.ToArray().Where(r => !months.IsMissing(r)).Select(r => months.Values[r]).Distinct().Order().ToList();
            if (present.Count == 0)
            {
                continue;
            }

            var first = present[0];
            var last = present[^1];
            var span = last.MonthsSince(first) + 1;
            if (span != present.Count)
            {
                var gap = present.Zip(present.Skip(1)).First(p => p.Second.MonthsSince(p.First) > 1);
                sink.Error(file, register.FileRowNumber(rows[0]), "month", gap.First.AddMonths(1).ToString(), Rules.MonthsContiguous,
                    string.Create(CultureInfo.InvariantCulture,
                        $"person {ids.Levels[g]} has {span - present.Count} missing month(s) between {first} and {last}; the first gap starts at {gap.First.AddMonths(1)}"));
            }

            if (people.RandomisationMonth(person) is { } randomised)
            {
                var from = randomised.AddMonths(-MonthsBefore);
                var to = randomised.AddMonths(MonthsAfter);
                if (first > from || last < to)
                {
                    sink.Error(file, register.FileRowNumber(rows[0]), "month", $"{first}..{last}", Rules.MonthsContiguous,
                        $"person {ids.Levels[g]} must have register months from {from} to at least {to} (randomised {randomised}); found {first} to {last}");
                }
            }
        }

        for (var row = 0; row < register.RowCount; row++)
        {
            if (onBenefit[row] == false && amount[row] > 0)
            {
                sink.Error(file, register.FileRowNumber(row), "benefit_amount", amount[row]!.Value.ToString("R", CultureInfo.InvariantCulture), Rules.Consistency,
                    "a benefit amount is paid in a month marked off benefit (on_benefit = 0)");
            }
        }

        for (var person = 0; person < people.Count; person++)
        {
            if (!covered[person])
            {
                sink.Warning(participants.Resource.Path, participants.FileRowNumber(people.Row(person)), "person_id", people.Id(person), Rules.RegisterCoverage,
                    "the participant has no register months (not linked to the register); outcome analyses will leave them out");
            }
        }
    }

    private static void CheckSurvey(Table survey, Table participants, ParticipantFacts people, IssueSink sink)
    {
        var file = survey.Resource.Path;
        var ids = survey.Strings("person_id");
        var waves = survey.Integers("wave");
        var dates = survey.Dates("interview_date");
        for (var row = 0; row < survey.RowCount; row++)
        {
            if (ids[row] is not { } id || !people.TryFind(id, out var person) || people.Experiment(person) is not { } experiment)
            {
                continue;
            }

            if (waves[row] is { } wave && (wave < 1 || wave > experiment.SurveyWaves.Count))
            {
                sink.Error(file, survey.FileRowNumber(row), "wave", wave.ToString(CultureInfo.InvariantCulture), Rules.WaveKnown,
                    string.Create(CultureInfo.InvariantCulture, $"{experiment.Municipality} ran waves 1 to {experiment.SurveyWaves.Count}"));
            }

            if (dates[row] is { } date && people.RandomisationDate(person) is { } randomised && date < randomised.AddDays(-92))
            {
                sink.Error(file, survey.FileRowNumber(row), "interview_date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Rules.WaveKnown,
                    $"the interview lies more than three months before randomisation ({randomised:yyyy-MM-dd})");
            }
        }
    }
}
