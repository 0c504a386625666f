using System.Text.Json.Nodes;
using Research.Notebooks.Tests.Support;

namespace Research.Notebooks.Tests.Formats;

public class NbformatJsonWriterTests
{
    [Fact]
    public void Output_matches_python_json_dumps_with_nbformat_settings()
    {
        var node = new JsonObject
        {
            ["z"] = new JsonArray(1, "two", null, true, new JsonObject(), new JsonArray()),
            ["a"] = "quote \" backslash \\ tab \t nl \n cr \r bell \u0007 é ü € </script> 𝄞",
            ["M"] = JsonNode.Parse("{\"n\": 1.5e-7, \"m\": -0.0}"),
        };
        var python = ExternalTool.Python(
            "import json,sys; sys.stdout.write(json.dumps(json.loads(sys.argv[1]), indent=1, sort_keys=True, ensure_ascii=False) + '\\n')",
            node.ToJsonString());

        Assert.Equal(0, python.ExitCode);
        var expected = python.Stdout.Replace("1.5e-07", "1.5e-7", StringComparison.Ordinal); // Python re-renders floats; raw number text is kept here.
        Assert.Equal(expected, NbformatJsonWriter.Write(node));
    }

    [Fact]
    public void Strings_escape_like_python_wherever_the_escaped_characters_fall()
    {
        // Every control character, quote and backslash, at the start, the end, in runs and between plain and non-ASCII text.
        var alphabet = "ab é€\"\\" + string.Concat(Enumerable.Range(0, 32).Select(c => (char)c));
        var random = new Random(2026_12_01);
        var strings = new JsonArray("", "\"", "\\\\", "\u001f", "plain");
        for (var i = 0; i < 200; i++)
        {
            strings.Add(new string(Enumerable.Range(0, random.Next(1, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));
        }

        var python = ExternalTool.Python(
            "import json,sys; sys.stdout.write(json.dumps(json.loads(sys.argv[1]), indent=1, sort_keys=True, ensure_ascii=False) + '\\n')",
            strings.ToJsonString());

        Assert.Equal(0, python.ExitCode);
        Assert.Equal(python.Stdout, NbformatJsonWriter.Write(strings));
    }

    [Fact]
    public void Text_is_split_like_python_splitlines_keepends()
    {
        Assert.Equal("[\"a\\n\",\"b\\r\\n\",\"c\\r\",\"d\"]", MultilineText.Write("a\nb\r\nc\rd").ToJsonString());
        Assert.Equal("[]", MultilineText.Write(string.Empty).ToJsonString());
    }
}
