using System.Text.Json.Nodes;
using Research.Jupyter.Protocol;

namespace Research.Jupyter.Server;

/// <summary>
/// Where the notebook the front end has open lives, when the front end says: <c>JPY_SESSION_NAME</c> (set by Jupyter
/// Server 2 and JupyterLab to the notebook's path), or the <c>cellId</c> VS Code puts in every execute request's
/// metadata (<c>vscode-notebook-cell:/path/to/notebook.ipynb#…</c>). Only an existing <c>.ipynb</c> or <c>.dib</c>
/// file counts. Front ends that say nothing (Notebook 6, nbconvert, jupyter console) start the kernel in the notebook's
/// folder, which is then the working directory already.
/// </summary>
public static class NotebookLocation
{
    /// <summary>The environment variable Jupyter Server sets to the notebook's path.</summary>
    public const string SessionNameVariable = "JPY_SESSION_NAME";

    /// <summary>The notebook's folder from <c>JPY_SESSION_NAME</c> (relative to <paramref name="currentDirectory"/>), or null.</summary>
    public static string? FromSessionName(string? sessionName, string currentDirectory) =>
        string.IsNullOrWhiteSpace(sessionName) ? null : FolderOf(Path.GetFullPath(sessionName, currentDirectory));

    /// <summary>The notebook's folder from an execute request's metadata, or null.</summary>
    public static string? FromRequestMetadata(JsonObject metadata)
    {
        if (JupyterMessage.Text(metadata, "cellId") is not { } cellId
            || !cellId.StartsWith("vscode-notebook-cell:", StringComparison.Ordinal)
            || !Uri.TryCreate(cellId, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        if (OperatingSystem.IsWindows() && path.Length > 2 && path[0] == '/' && path[2] == ':')
        {
            path = path[1..];
        }

        return Path.IsPathRooted(path) ? FolderOf(path) : null;
    }

    private static string? FolderOf(string notebook) =>
        File.Exists(notebook) && (notebook.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) || notebook.EndsWith(".dib", StringComparison.OrdinalIgnoreCase))
            ? Path.GetDirectoryName(notebook)
            : null;
}
