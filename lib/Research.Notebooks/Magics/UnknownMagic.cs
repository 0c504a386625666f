namespace Research.Notebooks.Magics;

/// <summary>The failure of a <c>#!</c> line no part of the host understands (e.g. <c>#!connect</c>), naming what the host knows.</summary>
public static class UnknownMagic
{
    /// <summary>The error for the magic line <paramref name="text"/>.</summary>
    public static ErrorOutput Error(string text) => new(
        "UnknownMagicCommand",
        $"unknown magic command '{text}'; this host knows {string.Join(", ", InfoMagics.Magics.Select(m => m.Magic.Split(' ')[0].TrimEnd(',')))}, #!who, #!whos and the kernel selectors (see #!lsmagic).",
        Array.Empty<string>());
}
