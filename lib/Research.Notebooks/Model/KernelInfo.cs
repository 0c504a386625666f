namespace Research.Notebooks;

/// <summary>A kernel a notebook declares: its canonical name, language name and aliases.</summary>
/// <param name="Name">The canonical name used in cell separators and metadata, e.g. <c>csharp</c>.</param>
/// <param name="LanguageName">The language name, e.g. <c>C#</c>, or null.</param>
/// <param name="Aliases">Other names that select the kernel, e.g. <c>c#</c>.</param>
public sealed record KernelInfo(string Name, string? LanguageName, IReadOnlyList<string> Aliases)
{
    /// <summary>Creates a kernel info with aliases.</summary>
    public KernelInfo(string name, string? languageName, params string[] aliases)
        : this(name, languageName, (IReadOnlyList<string>)aliases)
    {
    }

    /// <summary>The canonical name followed by the aliases.</summary>
    public IEnumerable<string> AllNames => Aliases.Prepend(Name);
}
