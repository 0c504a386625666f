using System.Globalization;
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
    /// <remarks>
    /// The checks only read the tables, so they run side by side (at national scale the register's key check and its
    /// months' check take seconds each), each reporting into its own fork of <paramref name="sink"/>; the forks are
    /// appended in the order the checks are listed, so the report is the one running them one after another gives.
    /// </remarks>
    public static void Validate(Extract extract, IssueSink sink)
    {
        // Each part's issues in its own sink, in the report's order; a part without a check was done before the others.
        var parts = new List<(IssueSink Sink, Action<IssueSink>? Check)>();
        foreach (var table in extract.Tables)
        {
            parts.Add((sink.Fork(), own => CheckKeys(extract, table, own)));
        }

        if (extract.Participants is { } participants)
        {
            // The participants' facts are what the register's and the survey's checks look persons up in.
            var facts = sink.Fork();
            var people = ParticipantFacts.From(participants, extract.Experiments, facts);
            parts.Add((facts, null));
            if (extract.RegisterMonths is { } register)
            {
                parts.Add((sink.Fork(), own => CheckRegister(register, participants, people, own)));
            }

            if (extract.SurveyResponses is { } survey)
            {
                parts.Add((sink.Fork(), own => CheckSurvey(survey, people, own)));
            }
        }

        Parallel.ForEach(parts.Where(p => p.Check is not null), part => part.Check!(part.Sink));
        foreach (var part in parts)
        {
            sink.Append(part.Sink);
        }
    }

    private static void CheckKeys(Extract extract, Table table, IssueSink sink)
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

        // Rows are grouped by the first key field; within a group the other key fields are compared as integers
        // (dictionary codes, month indices, values), which keeps the check linear and allocation-free per row.
        var rest = key.Skip(1).Select(k => table[k]).ToList();
        var groups = GroupIndex.By(first);
        var seen = new HashSet<(long, long)>();
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
                if (AnyMissing(rest, row))
                {
                    continue;
                }

                var tail = (rest.Count > 0 ? KeyPart(rest[0], row) : 0, rest.Count > 1 ? KeyPart(rest[1], row) : 0);
                if (!seen.Add(tail))
                {
                    var value = string.Join("|", new[] { first.Levels[g] }.Concat(rest.Select(c => Convert.ToString(c.GetValue(row), CultureInfo.InvariantCulture))));
                    sink.Error(file, table.FileRowNumber(row), string.Join("+", key), value, Rules.PrimaryKey,
                        $"duplicate primary key ({string.Join(", ", key)}): an earlier row has the same key");
                }
            }
        }

        if (rest.Count > 2)
        {
            sink.Error(file, null, string.Join("+", key), null, Rules.Descriptor, "primary keys of more than three fields are not supported");
        }
    }

    // A loop, not LINQ's Any: a lambda capturing the row allocated a closure for each of the register's 24 million rows.
    private static bool AnyMissing(List<Column> columns, int row)
    {
        foreach (var column in columns)
        {
            if (column.IsMissing(row))
            {
                return true;
            }
        }

        return false;
    }

    private static long KeyPart(Column column, int row) => column switch
    {
        StringColumn s => s.Codes[row],
        ValueColumn<long> l => l.Values[row],
        ValueColumn<YearMonth> m => m.Values[row].MonthsSince(default),
        ValueColumn<DateOnly> d => d.Values[row].DayNumber,
        ValueColumn<bool> b => b.Values[row] ? 1 : 0,
        ValueColumn<double> x => BitConverter.DoubleToInt64Bits(x.Values[row]),
        _ => throw new NotSupportedException(column.Field.Type.ToString()),
    };

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
        var buffer = new YearMonth[Enumerable.Range(0, groups.GroupCount).Select(g => groups.Rows(g).Length).DefaultIfEmpty(0).Max()];
        for (var g = 0; g < groups.GroupCount; g++)
        {
            var rows = groups.Rows(g);
            if (rows.Length == 0 || !people.TryFind(ids.Levels[g], out var person))
            {
                continue;
            }

            covered[person] = true;
            var count = 0;
            foreach (var r in rows)
            {
                if (!months.IsMissing(r))
                {
                    buffer[count++] = months.Values[r];
                }
            }

            if (count == 0)
            {
                continue;
            }

            var present = buffer.AsSpan(0, count);
            present.Sort();
            var first = present[0];
            var last = present[^1];
            for (var i = 1; i < present.Length; i++)
            {
                if (present[i].MonthsSince(present[i - 1]) > 1)
                {
                    var missing = last.MonthsSince(first) + 1 - Distinct(present);
                    sink.Error(file, register.FileRowNumber(rows[0]), "month", present[i - 1].AddMonths(1).ToString(), Rules.MonthsContiguous,
                        string.Create(CultureInfo.InvariantCulture,
                            $"the person has {missing} missing month(s) between {first} and {last}; the first gap starts at {present[i - 1].AddMonths(1)}"), ids.Levels[g]);
                    break;
                }
            }

            if (people.RandomisationMonth(person) is { } randomised)
            {
                var from = randomised.AddMonths(-MonthsBefore);
                var to = randomised.AddMonths(MonthsAfter);
                if (first > from || last < to)
                {
                    sink.Error(file, register.FileRowNumber(rows[0]), "month", $"{first}..{last}", Rules.MonthsContiguous,
                        $"the person must have register months from {from} to at least {to} (randomised {randomised}); found {first} to {last}", ids.Levels[g]);
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

    private static int Distinct(ReadOnlySpan<YearMonth> sorted)
    {
        var distinct = sorted.Length > 0 ? 1 : 0;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[i - 1])
            {
                distinct++;
            }
        }

        return distinct;
    }

    private static void CheckSurvey(Table survey, ParticipantFacts people, IssueSink sink)
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
