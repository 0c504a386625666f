using Research.Data.Validation;

namespace Research.Data.Tests.Validation;

/// <summary>Sinks forked for files read at once and appended in order report what one sink filled file after file would.</summary>
public sealed class IssueSinkTests
{
    [Theory]
    [InlineData(100)]
    [InlineData(7)]
    [InlineData(3)]
    [InlineData(0)]
    public void Forks_appended_in_order_equal_one_sink_filled_in_order(int detailLimit)
    {
        var files = new[] { ("participants.csv", 2), ("register_months.csv", 5), ("survey_responses.csv", 4) };
        var sequential = new IssueSink(detailLimit);
        sequential.ProtectIdentifiers(["person_id"]);
        sequential.Error("datapackage.json", null, null, null, "descriptor", "before the files");
        foreach (var (file, count) in files)
        {
            Report(sequential, file, count);
        }

        var merged = new IssueSink(detailLimit);
        merged.ProtectIdentifiers(["person_id"]);
        merged.Error("datapackage.json", null, null, null, "descriptor", "before the files");
        var forks = files.Select(_ => merged.Fork()).ToArray();
        foreach (var i in new[] { 2, 0, 1 })
        {
            Report(forks[i], files[i].Item1, files[i].Item2);
        }

        foreach (var fork in forks)
        {
            merged.Append(fork);
        }

        var expected = sequential.ToReport();
        var actual = merged.ToReport();
        Assert.Equal(expected.Issues, actual.Issues);
        Assert.Equal(expected.Counts, actual.Counts);
        Assert.Equal((expected.ErrorCount, expected.WarningCount), (actual.ErrorCount, actual.WarningCount));
        Assert.DoesNotContain(actual.Issues, issue => issue.Column == "person_id" && issue.Value is not null);
    }

    private static void Report(IssueSink sink, string file, int count)
    {
        for (var row = 2; row < 2 + count; row++)
        {
            if (row % 2 == 0)
            {
                sink.Error(file, row, "person_id", "10000000" + row, "type", "expected an integer");
            }
            else
            {
                sink.Warning(file, row, "earnings", "-1", "range", "below the minimum");
            }
        }
    }
}
