using Plotly.NET;

namespace Research.Notebooks.Reports;

/// <summary>The plotly.js bundle shipped inside Plotly.NET, so reports draw charts offline without a CDN.</summary>
internal static class PlotlyJs
{
    private static readonly Lazy<string> Source = new(Load);
    private static readonly Lazy<string> Resource = new(FindResource);

    /// <summary>The plotly.js version bundled with Plotly.NET, e.g. <c>2.28.0</c>.</summary>
    public static string Version => Resource.Value["Plotly.NET.plotly-".Length..^".min.js".Length];

    /// <summary>The CDN address of the same plotly.js version, for front ends that load it themselves.</summary>
    public static string CdnUrl => $"https://cdn.plot.ly/plotly-{Version}.min.js";

    /// <summary>The minified plotly.js source, safe to place inside a <c>&lt;script&gt;</c> element.</summary>
    public static string Script => Source.Value;

    private static string FindResource()
    {
        var assembly = typeof(GenericChart).Assembly;
        return assembly.GetManifestResourceNames()
                   .FirstOrDefault(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))
               ?? throw new InvalidOperationException($"plotly.js is not embedded in {assembly.GetName().Name} {assembly.GetName().Version}.");
    }

    private static string Load()
    {
        using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream(Resource.Value)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    }
}
