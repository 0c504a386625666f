using System.Text.Json.Nodes;

namespace Research.Notebooks;

/// <summary>
/// A notebook: ordered cells plus document metadata. The same model holds <c>.ipynb</c> and <c>.dib</c>
/// documents; for a <c>.dib</c> the metadata is the <c>#!meta</c> object.
/// </summary>
public sealed class Notebook
{
    /// <summary>The cells in document order.</summary>
    public List<NotebookCell> Cells { get; } = new();

    /// <summary>The document metadata object, kept verbatim.</summary>
    public JsonObject Metadata { get; set; } = new();

    /// <summary>The nbformat major version (always 4 for files this library reads).</summary>
    public int FormatMajor { get; set; } = 4;

    /// <summary>The nbformat minor version; 5 and later require cell ids.</summary>
    public int FormatMinor { get; set; } = 5;

    /// <summary>Top-level fields this model does not interpret, written back unchanged.</summary>
    public JsonObject ExtraFields { get; set; } = new();

    /// <summary>The kernels the document declares, from whichever metadata shape it uses.</summary>
    public KernelInfoCollection KernelInfo => PolyglotMetadata.ReadKernelInfo(Metadata);

    /// <summary>The document's default kernel name (see <see cref="PolyglotMetadata.DefaultKernelName"/>).</summary>
    public string DefaultKernelName => PolyglotMetadata.DefaultKernelName(Metadata);
}
