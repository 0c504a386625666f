namespace Research.Notebooks;

/// <summary>The nbformat cell types.</summary>
public enum CellType
{
    /// <summary>Source run by a kernel; has outputs and an execution count.</summary>
    Code,

    /// <summary>Markdown text rendered as prose.</summary>
    Markdown,

    /// <summary>Raw text passed through untouched.</summary>
    Raw,
}
