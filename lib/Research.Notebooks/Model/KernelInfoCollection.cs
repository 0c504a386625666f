namespace Research.Notebooks;

/// <summary>
/// The kernels known to a document, with name and alias lookup. Names and aliases are matched ordinally
/// (case-sensitive), as in Polyglot Notebooks: <c>#!C#</c> selects C# only because <c>C#</c> is a declared alias.
/// </summary>
public sealed class KernelInfoCollection
{
    private readonly List<KernelInfo> _items = new();
    private readonly Dictionary<string, KernelInfo> _byName = new(StringComparer.Ordinal);
    private string? _defaultKernelName;

    /// <summary>The kernels in declaration order.</summary>
    public IReadOnlyList<KernelInfo> Items => _items;

    /// <summary>
    /// The default kernel: the explicit value when set, otherwise the single item's name when there is exactly one.
    /// </summary>
    public string? DefaultKernelName
    {
        get => _defaultKernelName ?? (_items.Count == 1 ? _items[0].Name : null);
        set => _defaultKernelName = value;
    }

    /// <summary>
    /// The kernels of the .NET Interactive default kernel set plus <c>markdown</c>; used to split <c>.dib</c> files
    /// and recognise leading <c>#!kernel</c> lines when a document declares nothing.
    /// </summary>
    public static KernelInfoCollection WellKnown()
    {
        var known = new KernelInfoCollection();
        known.Add(new KernelInfo("csharp", "C#", "c#", "C#", "cs"));
        known.Add(new KernelInfo("fsharp", "F#", "f#", "F#", "fs"));
        known.Add(new KernelInfo("pwsh", "PowerShell", "powershell"));
        known.Add(new KernelInfo("javascript", "JavaScript", "js"));
        known.Add(new KernelInfo("html", "HTML"));
        known.Add(new KernelInfo("mermaid", "Mermaid"));
        known.Add(new KernelInfo("http", "HTTP"));
        known.Add(new KernelInfo("sql", "SQL"));
        known.Add(new KernelInfo("kql", "KQL"));
        known.Add(new KernelInfo("value", null));
        known.Add(Markdown);
        return known;
    }

    /// <summary>The markdown pseudo-kernel (alias <c>md</c>), always a valid cell separator.</summary>
    public static KernelInfo Markdown { get; } = new("markdown", "Markdown", "md");

    /// <summary>Adds a kernel; throws when its name or an alias is invalid or already present.</summary>
    public void Add(KernelInfo kernel)
    {
        foreach (var name in kernel.AllNames)
        {
            if (string.IsNullOrWhiteSpace(name) || name.StartsWith('#'))
            {
                throw new NotebookFormatException($"kernel name or alias '{name}' is invalid: it must be non-blank and must not start with '#'.");
            }

            if (_byName.ContainsKey(name))
            {
                throw new NotebookFormatException($"kernel name or alias '{name}' is declared twice.");
            }
        }

        _items.Add(kernel);
        foreach (var name in kernel.AllNames)
        {
            _byName[name] = kernel;
        }
    }

    /// <summary>Whether a kernel with canonical name <paramref name="name"/> is present.</summary>
    public bool ContainsName(string name) => _items.Any(k => k.Name == name);

    /// <summary>Resolves a name or alias to the kernel's canonical name.</summary>
    public bool TryResolve(string nameOrAlias, out string canonicalName)
    {
        if (_byName.TryGetValue(nameOrAlias, out var kernel))
        {
            canonicalName = kernel.Name;
            return true;
        }

        canonicalName = string.Empty;
        return false;
    }

    /// <summary>
    /// Adds the kernels of <paramref name="other"/> whose canonical name is not present yet (the merge rule of the
    /// <c>.dib</c> reader); an alias that collides with a different kernel throws.
    /// </summary>
    public void Merge(KernelInfoCollection other)
    {
        foreach (var kernel in other.Items.Where(k => !ContainsName(k.Name)))
        {
            Add(kernel);
        }
    }

    /// <summary>A copy of this collection.</summary>
    public KernelInfoCollection Clone()
    {
        var copy = new KernelInfoCollection { _defaultKernelName = _defaultKernelName };
        foreach (var kernel in _items)
        {
            copy.Add(kernel);
        }

        return copy;
    }
}
