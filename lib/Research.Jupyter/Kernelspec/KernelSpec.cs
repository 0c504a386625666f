using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Research.Jupyter.Kernelspec;

/// <summary>
/// A kernelspec (<c>kernel.json</c>): how a front end starts the kernel. The default name is <c>.net-csharp</c>, the
/// name every Polyglot Notebooks / .NET Interactive C# notebook carries in its metadata, so those notebooks open with
/// this kernel unchanged.
/// </summary>
/// <param name="Name">The kernelspec name (its directory): ASCII letters, digits, '-', '.', '_'.</param>
/// <param name="Argv">The command line; <c>{connection_file}</c> is replaced by the front end.</param>
public sealed partial record KernelSpec(string Name, IReadOnlyList<string> Argv)
{
    /// <summary>The name .NET Interactive gave its C# kernel, which notebooks refer to.</summary>
    public const string DefaultName = ".net-csharp";

    /// <summary>The placeholder the front end replaces by the connection file's path.</summary>
    public const string ConnectionFilePlaceholder = "{connection_file}";

    /// <summary>The name shown in front ends' kernel pickers.</summary>
    public string DisplayName { get; init; } = ".NET (C#)";

    /// <summary>The language front ends match notebooks by.</summary>
    public string Language { get; init; } = "C#";

    /// <summary>Environment variables the front end sets for the kernel.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether <paramref name="name"/> is a valid kernelspec name.</summary>
    public static bool IsValidName(string name) => ValidName().IsMatch(name);

    /// <summary>The <c>kernel.json</c> content: interrupts by message, so they work the same on every platform.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["argv"] = new JsonArray(Argv.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            ["display_name"] = DisplayName,
            ["language"] = Language,
            ["interrupt_mode"] = "message",
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
        if (Environment.Count > 0)
        {
            var env = new JsonObject();
            foreach (var (key, value) in Environment.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                env[key] = value;
            }

            json["env"] = env;
        }

        return json;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]+$")]
    private static partial Regex ValidName();
}
