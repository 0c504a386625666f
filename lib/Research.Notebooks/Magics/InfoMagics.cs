using System.Reflection;
using Research.Notebooks.Execution;

namespace Research.Notebooks.Magics;

/// <summary><c>#!lsmagic</c> (the magic commands and kernels of this host) and <c>#!about</c> (what the host is).</summary>
internal static class InfoMagics
{
    /// <summary>The magic commands, with what they do.</summary>
    public static IReadOnlyList<(string Magic, string Purpose)> Magics { get; } = new[]
    {
        ("#!about", "shows what this host is"),
        ("#!import FILE", "runs the cells of a .ipynb, .dib, .cs, .csx, .fs, .fsx, .html or .js file here"),
        ("#!lsmagic", "lists the magic commands and kernels"),
        ("#!set --name N --value V [--mime-type M] [--byref]", "declares N from a literal, @kernel:variable, @input:… or @password:…"),
        ("#!share [--name] V --from KERNEL [--as N] [--mime-type M]", "declares another kernel's variable here"),
        ("#!time", "shows how long the cell took"),
        ("#!value --name N [--from-file F | --from-value V] [--mime-type M]", "stores the cell's text (or a file, or an input) as a value"),
        ("#!who, #!whos", "lists this kernel's variables (with types and values)"),
        ("#r \"nuget: NAME[, VERSION]\", #i \"nuget: SOURCE\"", "adds a NuGet package or package source (C#, F#)"),
    };

    public static void ListMagics(MagicContext context)
    {
        var kernels = context.Session.Kernels.Kernels
            .Select(k => "#!" + k.Name + (k.Aliases.Count > 0 ? " (" + string.Join(", ", k.Aliases.Select(a => "#!" + a)) + ")" : string.Empty))
            .ToList();
        var text = "Magic commands:\n" + string.Join("\n", Magics.Select(m => $"  {m.Magic}: {m.Purpose}"))
                   + "\nKernels:\n" + string.Join("\n", kernels.Select(k => "  " + k));
        context.Cell.PublishDisplay(new MimeBundle().Set(MimeBundle.PlainText, text));
    }

    public static void About(MagicContext context)
    {
        var assembly = typeof(NotebookHostOptions).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "unknown";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        var text = $"Research notebook host {(plus < 0 ? version : version[..plus])}: runs .ipynb and .dib notebooks written for .NET Interactive / Polyglot Notebooks (kernels: {string.Join(", ", context.Session.Kernels.Kernels.Select(k => k.Name))}).";
        context.Cell.PublishDisplay(new MimeBundle().Set(MimeBundle.PlainText, text));
    }
}
