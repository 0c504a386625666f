using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;
using Research.Jupyter.Protocol;

namespace Research.Jupyter.Server;

/// <summary>The content of <c>kernel_info_reply</c>: who the kernel is and the language its cells are in.</summary>
internal static class KernelInfo
{
    /// <summary>The implementation name front ends show.</summary>
    public const string Implementation = "research";

    /// <summary>The reply content.</summary>
    public static JsonObject Content()
    {
        var version = typeof(KernelInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";
        var language = LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString();
        return new JsonObject
        {
            ["status"] = "ok",
            ["protocol_version"] = MessageFactory.ProtocolVersion,
            ["implementation"] = Implementation,
            ["implementation_version"] = version,
            ["language_info"] = new JsonObject
            {
                ["name"] = "C#",
                ["version"] = language,
                ["mimetype"] = "text/x-csharp",
                ["file_extension"] = ".cs",
                ["pygments_lexer"] = "csharp",
                ["codemirror_mode"] = "text/x-csharp",
            },
            ["banner"] = $"Research notebook kernel {version}: C# {language} on .NET {Environment.Version}, the engine of `research run`.\nThe project libraries are referenced and imported; display(x) shows rich output.",
            ["help_links"] = new JsonArray
            {
                new JsonObject { ["text"] = "C# language", ["url"] = "https://learn.microsoft.com/dotnet/csharp/" },
                new JsonObject { ["text"] = ".NET API browser", ["url"] = "https://learn.microsoft.com/dotnet/api/" },
            },
            ["supported_features"] = new JsonArray(),
        };
    }
}
