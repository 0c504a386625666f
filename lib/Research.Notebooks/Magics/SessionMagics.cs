namespace Research.Notebooks.Magics;

/// <summary>
/// The magic commands the session runs for every kernel with variables (C#, F#): <c>#!set</c>, <c>#!share</c>,
/// <c>#!who</c>, <c>#!whos</c>, <c>#!lsmagic</c>, <c>#!about</c> and <c>#!import</c>. They run in line order before
/// the segment's code, and their lines are blanked so the kernel's line numbers stay cell line numbers.
/// </summary>
internal static class SessionMagics
{
    private static readonly HashSet<string> Commands = new(StringComparer.Ordinal) { "set", "share", "who", "whos", "lsmagic", "about", "import" };

    /// <summary>Whether <paramref name="line"/> is one of these magic commands.</summary>
    public static bool IsMagic(string line)
    {
        if (!line.StartsWith("#!", StringComparison.Ordinal))
        {
            return false;
        }

        var end = line.IndexOfAny(new[] { ' ', '\t' }, 2);
        return Commands.Contains((end < 0 ? line[2..] : line[2..end]).TrimEnd());
    }

    /// <summary>Runs the magic lines of <paramref name="code"/> and returns the code with them blanked.</summary>
    /// <exception cref="MagicCommandException">A magic failed; the cell fails at its line.</exception>
    public static async Task<string> RunAsync(string code, MagicContext context)
    {
        var lines = code.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!IsMagic(lines[i]))
            {
                continue;
            }

            var line = MagicLine.Parse(lines[i], i + 1);
            lines[i] = string.Empty;
            switch (line.Command)
            {
                case "set":
                    await SetMagic.RunAsync(line, context);
                    break;
                case "share":
                    await ShareMagic.RunAsync(line, context);
                    break;
                case "who":
                case "whos":
                    WhoMagic.Run(line, context, line.Command == "whos");
                    break;
                case "lsmagic":
                    InfoMagics.ListMagics(context);
                    break;
                case "about":
                    InfoMagics.About(context);
                    break;
                default:
                    await ImportMagic.RunAsync(line, context);
                    break;
            }

            if (context.Cell.Failure is not null)
            {
                break;
            }
        }

        return string.Join('\n', lines);
    }
}
