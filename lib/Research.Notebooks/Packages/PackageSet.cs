using System.Net;
using System.Text;
using Research.Notebooks.Execution;

namespace Research.Notebooks.Packages;

/// <summary>
/// The NuGet packages and sources (<c>#r "nuget: …"</c>, <c>#i "nuget: …"</c>) of one kernel in one session. Each
/// restore resolves the whole set, so dependencies stay consistent; a package joins the set only when its restore
/// succeeded, so one failed package never makes later restores fail. Assemblies the host already provides (its own
/// references, and the retired .NET Interactive assemblies whose surface the host implements) are not referenced
/// again: the host's copy is the one loaded.
/// </summary>
/// <remarks>Not thread-safe: a kernel uses it from the cell that runs.</remarks>
public sealed class PackageSet
{
    private const string RetiredInteractivePrefix = "Microsoft.DotNet.Interactive";
    private readonly NuGetRestorer _restorer;
    private readonly HashSet<string> _hostAssemblies;
    private readonly Dictionary<string, PackageReference> _packages = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _sources = new();
    private readonly HashSet<string> _referenced = new(StringComparer.Ordinal);

    /// <summary>Creates an empty set restoring through <paramref name="restorer"/>.</summary>
    /// <param name="restorer">The restorer (and so the cache) to use.</param>
    /// <param name="hostAssemblyNames">Simple names of the assemblies the kernel references already.</param>
    public PackageSet(NuGetRestorer restorer, IEnumerable<string> hostAssemblyNames)
    {
        _restorer = restorer;
        _hostAssemblies = new HashSet<string>(hostAssemblyNames, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The packages restored so far.</summary>
    public IReadOnlyCollection<PackageReference> Packages => _packages.Values;

    /// <summary>The package sources added with <c>#i</c>, in order.</summary>
    public IReadOnlyList<string> Sources => _sources;

    /// <summary>Adds a package source for this and every later restore.</summary>
    public void AddSource(string source)
    {
        if (!_sources.Contains(source, StringComparer.Ordinal))
        {
            _sources.Add(source);
        }
    }

    /// <summary>
    /// Restores the set with <paramref name="requested"/> added and shows what was installed (resolved versions and
    /// NuGet's warnings). Returns the assemblies to reference that were not referenced before, or null after
    /// reporting the failure on <paramref name="context"/>; a failed package is not kept.
    /// </summary>
    public async Task<IReadOnlyList<string>?> AddAsync(IReadOnlyList<PackageReference> requested, CellExecutionContext context, CancellationToken cancellationToken)
    {
        var candidate = new Dictionary<string, PackageReference>(_packages, StringComparer.OrdinalIgnoreCase);
        foreach (var package in requested)
        {
            if (candidate.TryGetValue(package.Name, out var loaded)
                && package.Version is not null && loaded.Version is not null
                && !package.Version.Contains('*', StringComparison.Ordinal)
                && !string.Equals(package.Version, loaded.Version, StringComparison.OrdinalIgnoreCase))
            {
                context.Fail(
                    new ErrorOutput("PackageVersionConflict", $"{package.Name} version {package.Version} cannot be added because version {loaded.Version} was added earlier in this run.", Array.Empty<string>()),
                    null);
                return null;
            }

            candidate.TryAdd(package.Name, package);
        }

        // No restore time in the output: executed notebooks of identical runs must be identical bytes.
        RestoreResult result;
        try
        {
            result = await _restorer.RestoreAsync(candidate.Values.ToList(), _sources, cancellationToken);
        }
        catch (PackageRestoreException e)
        {
            context.Fail(new ErrorOutput(nameof(PackageRestoreException), e.Message, Array.Empty<string>()), null);
            return null;
        }

        foreach (var (name, package) in candidate)
        {
            _packages[name] = package;
        }

        var provided = result.Assemblies.Where(IsProvidedByHost).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        var added = result.Assemblies.Where(a => !IsProvidedByHost(a) && _referenced.Add(a)).ToList();
        var shown = result.Packages.Where(p => requested.Any(r => string.Equals(r.Name, p.Name, StringComparison.OrdinalIgnoreCase))).ToList();
        context.PublishDisplay(Report(shown, result.Warnings, provided!));
        return added;
    }

    private bool IsProvidedByHost(string assemblyPath)
    {
        var name = Path.GetFileNameWithoutExtension(assemblyPath);
        return _hostAssemblies.Contains(name) || name.StartsWith(RetiredInteractivePrefix, StringComparison.OrdinalIgnoreCase);
    }

    private static MimeBundle Report(IReadOnlyList<RestoredPackage> packages, IReadOnlyList<string> warnings, IReadOnlyList<string> provided)
    {
        var lines = packages.Select(p => p.Resolved is null
                ? $"{p.Name} (not resolved)"
                : string.Equals(p.Resolved, p.Requested, StringComparison.OrdinalIgnoreCase) || p.Requested.Contains('*', StringComparison.Ordinal)
                    ? $"{p.Name}, {p.Resolved}"
                    : $"{p.Name}, {p.Resolved} (asked for {p.Requested})")
            .ToList();
        var html = new StringBuilder("<div class=\"nb-packages\">Installed packages:<ul>");
        foreach (var line in lines)
        {
            html.Append("<li>").Append(WebUtility.HtmlEncode(line)).Append("</li>");
        }

        html.Append("</ul>");
        foreach (var warning in warnings)
        {
            html.Append("<div class=\"nb-warning\">warning ").Append(WebUtility.HtmlEncode(warning)).Append("</div>");
        }

        if (provided.Count > 0)
        {
            html.Append("<div>Provided by the host, not loaded again: ").Append(WebUtility.HtmlEncode(string.Join(", ", provided))).Append("</div>");
        }

        html.Append("</div>");
        var text = new StringBuilder("Installed packages: ").AppendJoin("; ", lines);
        foreach (var warning in warnings)
        {
            text.Append("\nwarning ").Append(warning);
        }

        if (provided.Count > 0)
        {
            text.Append("\nProvided by the host, not loaded again: ").AppendJoin(", ", provided);
        }

        return new MimeBundle().Set(MimeBundle.Html, html.ToString()).Set(MimeBundle.PlainText, text.ToString());
    }
}
