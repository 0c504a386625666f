using System.Net;
using System.Text;
using Research.Data.Design;
using Research.Pipeline.Files;

namespace Research.Pipeline.Reporting;

/// <summary>Writes <c>index.html</c>: links to every report, executed notebook and result file, and the provenance record.</summary>
public static class IndexPage
{
    /// <summary>Writes the page to <paramref name="path"/> for the reports of <paramref name="municipalities"/> (titles from the extract's design catalogue).</summary>
    public static void Write(string path, IReadOnlyList<string> municipalities, string extracts)
    {
        var catalog = ExperimentCatalog.ForDirectory(extracts);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Bijstand experiments: reports</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}")
            .Append("table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem .6rem;text-align:left}")
            .Append("a{color:#0b5cad}</style>\n</head>\n<body>\n<h1>Dutch social-assistance experiments, 2017–2020</h1>\n")
            .Append("<p>One report per municipality and a cross-municipality synthesis, each re-executable from the raw extracts ")
            .Append("(<code>research verify</code>). Inputs, tools and result hashes are in <a href=\"provenance.json\">provenance.json</a>; ")
            .Append("the extract validation report is in <a href=\"validation.txt\">validation.txt</a>.</p>\n")
            .Append("<table>\n<thead><tr><th>Report</th><th>Experiment</th><th>Executed notebook</th><th>Results</th></tr></thead>\n<tbody>\n");
        foreach (var m in municipalities)
        {
            var e = catalog[m];
            Row(html, m, $"{e.NameNl}", e.Title);
        }

        Row(html, "synthesis", "Synthesis", "Random-effects meta-analysis across municipalities");
        html.Append("</tbody>\n</table>\n</body>\n</html>\n");
        AtomicFile.WriteText(path, html.ToString());
    }

    // The name comes from the extract's design catalogue: escaped for the URL and for HTML like every other value.
    private static void Row(StringBuilder html, string name, string title, string description)
    {
        var file = WebUtility.HtmlEncode(Uri.EscapeDataString(name));
        var text = WebUtility.HtmlEncode(name);
        html.Append("<tr><td><a href=\"reports/").Append(file).Append(".html\">").Append(WebUtility.HtmlEncode(title)).Append("</a></td><td>")
            .Append(WebUtility.HtmlEncode(description)).Append("</td><td><a href=\"reports/").Append(file).Append(".ipynb\">")
            .Append(text).Append(".ipynb</a></td><td><a href=\"reports/").Append(file).Append(".results.json\">")
            .Append(text).Append(".results.json</a></td></tr>\n");
    }
}
