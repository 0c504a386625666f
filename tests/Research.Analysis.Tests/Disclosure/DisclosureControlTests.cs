using Research.Analysis.Disclosure;
using Research.Analysis.Results;

namespace Research.Analysis.Tests.Disclosure;

/// <summary>Each test withholds something on purpose and checks that it is gone, and that what may stay stays.</summary>
public sealed class DisclosureControlTests
{
    private sealed record Cell(string Key, string Group, double Count, double Share, double Other);

    [Fact]
    public void Every_count_column_is_protected_by_its_kind_whatever_its_name()
    {
        var table = new TableBuilder<Cell>("t", "T", c => c.Key)
            .Label("group", "Group", c => c.Group)
            .Count("n", "Persons", c => c.Count)
            .Count("respondents", "Respondents", c => c.Other)
            .Number("n_sites", ColumnKind.Tally, "Sites", c => 3)
            .Build().Table([new Cell("a", "g", 9, 0.5, 40), new Cell("b", "g", 40, 0.5, 4)], []);

        var published = new DisclosureControl().Apply(table);

        Assert.Null(published["a"]["n"]);
        Assert.Equal(40, published["a"]["respondents"]);
        Assert.Null(published["b"]["respondents"]);
        Assert.Equal(40, published["b"]["n"]);
        Assert.Equal(3, published["b"]["n_sites"]);
        Assert.Equal(DisclosureRule.MinimumCount.Key, published["a"].Disclosure["n"]);
        Assert.Equal(DisclosureRule.MinimumCount.Key, published["b"].Disclosure["respondents"]);
    }

    [Fact]
    public void A_share_with_few_persons_in_or_out_of_the_status_is_withheld_with_its_interval()
    {
        var table = new TableBuilder<Cell>("t", "T", c => c.Key)
            .Count("n", "Persons", c => c.Count)
            .Share("share", "Share", "n", c => c.Share)
            .IntervalOf("share", "lo", "hi", c => c.Share - 0.01, c => c.Share + 0.01)
            .Build().Table([new Cell("few-in", "g", 100, 0.05, 0), new Cell("few-out", "g", 100, 0.95, 0), new Cell("fine", "g", 100, 0.5, 0), new Cell("small-base", "g", 9, 0.5, 0)], []);

        var published = new DisclosureControl().Apply(table);

        foreach (var key in new[] { "few-in", "few-out" })
        {
            Assert.Null(published[key]["share"]);
            Assert.Null(published[key]["lo"]);
            Assert.Null(published[key]["hi"]);
            Assert.Equal(DisclosureRule.ShareMinimumCount.Key, published[key].Disclosure["share"]);
            Assert.Equal(100, published[key]["n"]);
        }

        Assert.Equal(0.5, published["fine"]["share"]);
        Assert.Equal(0.49, published["fine"]["lo"]);
        Assert.Null(published["small-base"]["share"]);
        Assert.Null(published["small-base"]["n"]);
    }

    [Theory]
    [InlineData(20, 15, true)]
    [InlineData(20, 25, false)]
    [InlineData(5, 8, false)]
    [InlineData(5, 4, true)]
    public void The_minimum_count_is_a_setting(int minimum, double count, bool withheld)
    {
        var table = new TableBuilder<Cell>("t", "T", c => c.Key).Count("n", "Persons", c => c.Count).Build().Table([new Cell("a", "g", count, 0, 0)], []);

        var published = new DisclosureControl(minimum).Apply(table);

        Assert.Equal(withheld, published["a"]["n"] is null);
        Assert.Contains(minimum.ToString(System.Globalization.CultureInfo.InvariantCulture), DisclosureRule.MinimumCount.Describe(minimum), StringComparison.Ordinal);
    }

    [Fact]
    public void Several_small_parts_of_a_total_take_enough_other_parts_with_them()
    {
        // Arms of 4 and 3 persons are withheld; their sum (7) would follow from the total minus the other arms, so one more arm goes.
        var rows = new[] { ("total", (string?)null, 207.0), ("a", "a", 4.0), ("b", "b", 3.0), ("c", "c", 100.0), ("d", "d", 100.0) };
        var table = new TableBuilder<(string Key, string? Arm, double N)>("flow", "Flow", r => r.Key)
            .Count("n", "Persons", r => r.N, r => r.Arm is null ? Population.All : Population.All.Where("arm", r.Arm))
            .Build().Draft(rows, []);

        var published = new DisclosureControl().Protect([table], Arms("a", "b", "c", "d"))[0];

        Assert.Null(published["a"]["n"]);
        Assert.Null(published["b"]["n"]);
        var left = new[] { "total", "c", "d" }.Count(k => published[k]["n"] is null);
        Assert.True(left >= 1, "a complementary cell must be withheld");
        Assert.Contains(published.Rows, r => r.Disclosure.GetValueOrDefault("n") == DisclosureRule.Complementary.Key);
        AssertNothingSmallDerivable(published, 207);
    }

    [Fact]
    public void Two_small_parts_that_add_up_to_the_minimum_need_no_more()
    {
        var rows = new[] { ("total", (string?)null, 211.0), ("a", "a", 8.0), ("b", "b", 3.0), ("c", "c", 100.0), ("d", "d", 100.0) };
        var table = new TableBuilder<(string Key, string? Arm, double N)>("flow", "Flow", r => r.Key)
            .Count("n", "Persons", r => r.N, r => r.Arm is null ? Population.All : Population.All.Where("arm", r.Arm))
            .Build().Draft(rows, []);

        var published = new DisclosureControl().Protect([table], Arms("a", "b", "c", "d"))[0];

        Assert.Equal(211, published["total"]["n"]);
        Assert.Equal(100, published["c"]["n"]);
        Assert.Equal(100, published["d"]["n"]);
    }

    [Fact]
    public void A_small_arm_cannot_be_recovered_from_another_table()
    {
        // Table one withholds the arm of 8; table two publishes the total and the other arms, which would give it by subtraction.
        var arms = new TableBuilder<(string Arm, double N)>("arms", "Arms", r => r.Arm)
            .Count("n", "Randomised", r => r.N, r => Population.All.Where("arm", r.Arm)).Build()
            .Draft([("a", 8), ("b", 150), ("c", 160)], []);
        var response = new TableBuilder<(string Key, string? Arm, double N)>("attrition", "Response", r => r.Key)
            .Count("n", "Randomised", r => r.N, r => r.Arm is null ? Population.All : Population.All.Where("arm", r.Arm)).Build()
            .Draft([("test", null, 318), ("b", "b", 150), ("c", "c", 160)], []);

        var published = new DisclosureControl().Protect([arms, response], Arms("a", "b", "c"));

        Assert.Null(published[0]["a"]["n"]);
        var total = published[1]["test"]["n"];
        var b = published.SelectMany(t => t.Rows).Where(r => r.Key == "b").Select(r => r["n"]).Distinct().Single();
        var c = published.SelectMany(t => t.Rows).Where(r => r.Key == "c").Select(r => r["n"]).Distinct().Single();
        Assert.False(total is not null && b is not null && c is not null, "total, b and c published together reveal the arm of 8");
        Assert.Contains(published.SelectMany(t => t.Rows), r => r.Disclosure.GetValueOrDefault("n") == DisclosureRule.Complementary.Key);
    }

    [Fact]
    public void A_stage_that_differs_from_the_previous_by_a_few_persons_is_withheld()
    {
        var flow = new TableBuilder<(string Key, Population P, double N)>("flow", "Flow", r => r.Key)
            .Count("n", "Persons", r => r.N, r => r.P).Build()
            .Draft([("randomised", Population.All.Where("arm", "a"), 178), ("took_up", Population.All.Where("arm", "a").Where("took_up", "1"), 171), ("in_register", Population.All.Where("arm", "a").Where("in_register", "1"), 178)], []);

        var published = new DisclosureControl().Protect([flow], Arms("a"))[0];

        Assert.Equal(178, published["randomised"]["n"]);
        Assert.Null(published["took_up"]["n"]);
        Assert.Equal(DisclosureRule.Complementary.Key, published["took_up"].Disclosure["n"]);
        Assert.Equal(178, published["in_register"]["n"]);
    }

    [Fact]
    public void A_count_that_is_public_anyway_is_never_chosen_and_the_ledger_says_when_it_cannot_help()
    {
        var flow = new TableBuilder<(string Key, string Arm, double N)>("flow", "Flow", r => r.Key)
            .Count("n", "Persons", r => r.N, r => Population.All.Where("arm", r.Arm)).Build()
            .Draft([("a", "a", 5), ("b", "b", 100)], []);

        var published = new DisclosureControl().Protect([flow], Arms("a", "b"), new Dictionary<Population, int> { [Population.All] = 105 })[0];

        Assert.Null(published["a"]["n"]);
        Assert.Null(published["b"]["n"]);

        var ledger = new PopulationLedger(10, Arms("a", "b"));
        ledger.Publish(Population.All, 105, fixedByDesign: true);
        ledger.Publish(Population.All.Where("arm", "b"), 100, fixedByDesign: true);
        Assert.Throws<InvalidOperationException>(() => ledger.Withhold());
    }

    [Fact]
    public void The_ledger_derives_the_same_counts_whether_a_domain_fits_a_bit_mask_or_not()
    {
        // 64 arms fit the closure's bit masks; 65 take the general set operations. The published populations use three
        // arms, so the two domains differ only where no union reaches.
        PopulationLedger Ledger(int arms)
        {
            var domain = new[] { "a", "b", "c" }.Concat(Enumerable.Range(1, arms - 3).Select(i => $"x{i}")).ToArray();
            var ledger = new PopulationLedger(10, new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["arm"] = domain });
            var responded = Population.All.Where("responded", "1");
            ledger.Publish(Population.All.Where("arm", "a"), 50);
            ledger.Publish(Population.All.Where("arm", "b"), 40);
            ledger.Publish(Population.All.Where("arm", "a", "b", "c"), 113);
            ledger.Publish(responded.Where("arm", "a"), 44);
            ledger.Publish(responded.Where("arm", "b"), 31);
            ledger.Publish(responded.Where("arm", "a", "b"), 75);
            ledger.Publish(responded.Where("arm", "c"), 17);
            return ledger;
        }

        string Describe(PopulationLedger ledger) => string.Join("\n", ledger.Derivable()
            .Select(d => $"{d.Population} {d.Count} {d.IsPublished} [{string.Join(" ", d.Sources.Select(s => s.ToString()).Order(StringComparer.Ordinal))}]")
            .Order(StringComparer.Ordinal));

        var masked = Ledger(64);
        var general = Ledger(65);

        Assert.Equal(Describe(general), Describe(masked));
        Assert.Contains("arm=c;responded=0 6 False", Describe(masked), StringComparison.Ordinal);
        Assert.Equal(general.Withhold().Select(p => p.ToString()).Order(StringComparer.Ordinal), masked.Withhold().Select(p => p.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_mean_dominated_by_one_person_is_withheld()
    {
        var rows = new[] { ("spread", 20.0, Magnitude.Of(Enumerable.Repeat(1000.0, 20))), ("dominated", 20.0, Magnitude.Of([.. Enumerable.Repeat(10.0, 19), 5000.0])) };
        var table = new TableBuilder<(string Key, double N, Magnitude M)>("t", "T", r => r.Key)
            .Count("n", "Persons", r => r.N)
            .Amount("mean", "Mean earnings", ValueUnit.Euro, "n", r => r.M.Total / r.N, magnitude: r => r.M)
            .Build().Draft(rows, []);

        var published = new DisclosureControl().Protect([table])[0];

        Assert.Equal(1000, published["spread"]["mean"]);
        Assert.Null(published["dominated"]["mean"]);
        Assert.Equal(DisclosureRule.Dominance.Key, published["dominated"].Disclosure["mean"]);
        Assert.Equal(20, published["dominated"]["n"]);
    }

    [Fact]
    public void Model_results_resting_on_a_small_group_are_withheld_and_sample_sizes_are_rounded()
    {
        var rows = new[] { ("small", 8, 150), ("fine", 152, 150) };
        var table = new TableBuilder<(string Key, int Arm, int Control)>("itt", "ITT", r => r.Key)
            .Number("estimate", ColumnKind.Estimate, "Effect", r => 0.05, ValueUnit.Share)
            .Number("p", ColumnKind.PValue, "p", r => 0.2)
            .SampleSize("n_arm", "Arm", r => r.Arm)
            .SampleSize("n", "Persons", r => r.Arm + r.Control)
            .Support(r => [r.Arm, r.Control])
            .Build().Draft(rows, []);

        var published = new DisclosureControl().Protect([table])[0];

        Assert.Null(published["small"]["estimate"]);
        Assert.Null(published["small"]["p"]);
        Assert.Null(published["small"]["n"]);
        Assert.Equal(DisclosureRule.ModelSupport.Key, published["small"].Disclosure["estimate"]);
        Assert.Equal(0.05, published["fine"]["estimate"]);
        Assert.Equal(150, published["fine"]["n_arm"]);
        Assert.Equal(300, published["fine"]["n"]);
        Assert.Equal(DisclosureRule.Rounded.Key, published["fine"].Disclosure["n_arm"]);
        Assert.False(published["fine"].IsWithheld("n_arm"));
    }

    [Fact]
    public void Shares_that_a_published_effect_connects_are_withheld_together()
    {
        // The control's share is small; an arm's share plus the effect (a difference of shares) would reveal it.
        var shares = new TableBuilder<(string Arm, string Month, double Share)>("monthly", "Shares", r => $"{r.Arm}|{r.Month}")
            .Count("n", "Persons", r => 100)
            .Share("share", "Share", "n", r => r.Share, link: r => new ShareLink(r.Month, r.Arm))
            .Build().Draft([("control", "12", 0.05), ("a", "12", 0.2), ("control", "13", 0.05), ("a", "13", 0.2)], []);
        var effects = new TableBuilder<(string Arm, string Month)>("itt", "Effects", r => $"{r.Arm}|{r.Month}")
            .Number("estimate", ColumnKind.Estimate, "Effect", r => 0.15, ValueUnit.Share)
            .Support(r => [100, 100])
            .Links(r => new EffectLink(r.Month, r.Arm, "control"))
            .Build().Draft([("a", "12")], []);

        var published = new DisclosureControl().Protect([shares, effects]);

        Assert.Null(published[0]["control|12"]["share"]);
        Assert.Null(published[0]["a|12"]["share"]);
        Assert.Equal(DisclosureRule.Complementary.Key, published[0]["a|12"].Disclosure["share"]);
        Assert.Equal(0.15, published[1]["a|12"]["estimate"]);
        Assert.Equal(0.2, published[0]["a|13"]["share"]);
    }

    [Fact]
    public void A_table_without_small_cells_keeps_its_numbers()
    {
        var table = new TableBuilder<Cell>("t", "T", c => c.Key).Count("n", "Persons", c => c.Count).Share("s", "Share", "n", c => c.Share).Build()
            .Table([new Cell("a", "g", 40, 0.5, 0)], []);

        var published = new DisclosureControl().Apply(table);

        Assert.Equal(table.Rows[0].Values, published.Rows[0].Values);
        Assert.Empty(published.Rows[0].Disclosure);
    }

    private static Dictionary<string, IReadOnlyList<string>> Arms(params string[] arms) => new(StringComparer.Ordinal) { ["arm"] = arms };

    // Every sum of published parts subtracted from the published total: none may be a count from 1 to 9.
    private static void AssertNothingSmallDerivable(ResultTable table, double total)
    {
        var parts = table.Rows.Where(r => r.Key != "total" && r["n"] is not null).Select(r => r["n"]!.Value).ToList();
        if (table["total"]["n"] is null)
        {
            return;
        }

        for (var mask = 0; mask < 1 << parts.Count; mask++)
        {
            var sum = parts.Where((_, i) => (mask & (1 << i)) != 0).Sum();
            Assert.False(total - sum is > 0 and < 10 && mask == (1 << parts.Count) - 1, $"total minus the published parts is {total - sum}");
        }
    }
}
