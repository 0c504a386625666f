using System.Text.Json.Nodes;
using Research.Scales.Instruments;

namespace Research.Scales.Tests.Instruments;

/// <summary>Each test breaks one field of a valid declaration and expects an error naming file and field.</summary>
public class MalformedInstrumentTests
{
    private static JsonObject Who5() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ShippedInstruments.Directory, "who5.json")))!.AsObject();

    private static InstrumentFormatException Fails(JsonObject doc) =>
        Assert.Throws<InstrumentFormatException>(() => Instrument.Parse(doc.ToJsonString(), "broken.json"));

    [Fact]
    public void Valid_declaration_parses() => Assert.Equal("who5", Instrument.Parse(Who5().ToJsonString(), "ok.json").Id);

    [Fact]
    public void Invalid_json_names_file_and_position()
    {
        var e = Assert.Throws<InstrumentFormatException>(() => Instrument.Parse("{ \"id\": ", "bad.json"));
        Assert.StartsWith("bad.json:", e.Message);
        Assert.Contains("not valid JSON", e.Message);
    }

    [Fact]
    public void Missing_required_field()
    {
        var doc = Who5();
        doc.Remove("items");
        var e = Fails(doc);
        Assert.Equal("broken.json", e.File);
        Assert.Contains("items", e.Message);
    }

    [Fact]
    public void Wrong_type_names_the_field()
    {
        var doc = Who5();
        doc["items"]![2]!["reverse"] = "yes";
        var e = Fails(doc);
        Assert.Equal("/items/2/reverse", e.Field);
    }

    [Fact]
    public void Unknown_property_is_named()
    {
        var doc = Who5();
        doc["items"]![0]!["colum"] = "x";
        var e = Fails(doc);
        Assert.Equal("/items/0/colum", e.Field);
        Assert.Contains("unknown property 'colum'", e.Message);
    }

    [Fact]
    public void Bad_column_name_pattern()
    {
        var doc = Who5();
        doc["items"]![1]!["column"] = "WHO 5";
        Assert.Equal("/items/1/column", Fails(doc).Field);
    }

    [Fact]
    public void Unknown_missing_handling()
    {
        var doc = Who5();
        doc["scores"]![0]!["missing"]!["handling"] = "guess";
        Assert.Equal("/scores/0/missing/handling", Fails(doc).Field);
    }

    [Fact]
    public void Duplicate_column()
    {
        var doc = Who5();
        doc["items"]![4]!["column"] = "who5_1";
        var e = Fails(doc);
        Assert.Equal("/items/4/column", e.Field);
        Assert.Contains("declared twice", e.Message);
    }

    [Fact]
    public void Recode_table_must_cover_the_range()
    {
        var doc = Who5();
        doc["items"]![0]!["recode"] = new JsonObject { ["0"] = 0, ["1"] = 20 };
        var e = Fails(doc);
        Assert.Equal("/items/0/recode", e.Field);
        Assert.Contains("missing 2, 3, 4, 5", e.Message);
    }

    [Fact]
    public void Reverse_and_recode_are_exclusive()
    {
        var doc = Who5();
        doc["items"]![0]!["reverse"] = true;
        doc["items"]![0]!["recode"] = new JsonObject { ["0"] = 5, ["1"] = 4, ["2"] = 3, ["3"] = 2, ["4"] = 1, ["5"] = 0 };
        Assert.Equal("/items/0/reverse", Fails(doc).Field);
    }

    [Fact]
    public void Missing_code_inside_the_answer_range()
    {
        var doc = Who5();
        doc["missingCodes"]!["3"] = "oops";
        var e = Fails(doc);
        Assert.Equal("/missingCodes", e.Field);
        Assert.Contains("missing code 3", e.Message);
    }

    [Fact]
    public void Undeclared_source_reference()
    {
        var doc = Who5();
        doc["scores"]![0]!["basis"]!["sources"] = new JsonArray("nowhere");
        var e = Fails(doc);
        Assert.Equal("/scores/0/basis/sources/0", e.Field);
        Assert.Contains("'nowhere'", e.Message);
    }

    [Fact]
    public void Sourced_basis_needs_a_source()
    {
        var doc = Who5();
        doc["scores"]![0]!["basis"] = new JsonObject { ["status"] = "sourced" };
        Assert.StartsWith("/scores/0/basis", Fails(doc).Field);
    }

    [Fact]
    public void Overlapping_bands()
    {
        var doc = Who5();
        doc["scores"]![0]!["bandSchemes"]![0]!["bands"]![1]!["minimum"] = 12;
        var e = Fails(doc);
        Assert.Equal("/scores/0/bandSchemes/0/bands/1", e.Field);
        Assert.Contains("overlaps", e.Message);
    }

    [Fact]
    public void Rule_needs_all_or_any()
    {
        var doc = Who5();
        var rule = doc["scores"]![1]!["bandSchemes"]![1]!["rules"]![0]!.AsObject();
        rule.Remove("any");
        Assert.StartsWith("/scores/1/bandSchemes/1/rules/0", Fails(doc).Field);
    }

    [Fact]
    public void Minimum_answered_above_item_count()
    {
        var doc = Who5();
        doc["scores"]![0]!["missing"]!["minimumAnswered"] = 6;
        Assert.Equal("/scores/0/missing/minimumAnswered", Fails(doc).Field);
    }

    [Fact]
    public void Unknown_subscale()
    {
        var doc = Who5();
        doc["scores"]![0]!["subscale"] = "nothing";
        Assert.Equal("/scores/0/subscale", Fails(doc).Field);
    }

    [Fact]
    public void Load_reports_the_file_name()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scales-broken-{Guid.NewGuid():N}.json");
        var doc = Who5();
        doc["responseScale"]!["minimum"] = 9;
        File.WriteAllText(path, doc.ToJsonString());
        try
        {
            var e = Assert.Throws<InstrumentFormatException>(() => Instrument.Load(path));
            Assert.Equal(Path.GetFileName(path), e.File);
            Assert.StartsWith("/responseScale", e.Field);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Shared_column_with_a_different_range_is_rejected_by_the_catalog()
    {
        var srh = File.ReadAllText(Path.Combine(ShippedInstruments.Directory, "srh.json"));
        var changed = JsonNode.Parse(srh)!.AsObject();
        changed["id"] = "srh_six";
        changed["responseScale"]!["maximum"] = 6;
        changed["items"]![0]!["recode"]!["6"] = 0;
        var e = Assert.Throws<InstrumentFormatException>(() => new InstrumentCatalog(
            [ShippedInstruments.Get("rand36_gh"), Instrument.Parse(changed.ToJsonString(), "srh_six.json")]));
        Assert.Equal("/items/0", e.Field);
        Assert.Contains("column rand36_1 has answers 1–6 here but 1–5 in rand36_gh.json", e.Message);
    }

    [Fact]
    public void Duplicate_instrument_id_is_rejected_by_the_catalog()
    {
        var e = Assert.Throws<InstrumentFormatException>(() => new InstrumentCatalog(
            [ShippedInstruments.Get("who5"), Instrument.Parse(Who5().ToJsonString(), "copy.json")]));
        Assert.Equal("copy.json", e.File);
        Assert.Contains("also declared in who5.json", e.Message);
    }
}
