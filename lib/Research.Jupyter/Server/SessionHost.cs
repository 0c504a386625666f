using Research.Notebooks.Sessions;

namespace Research.Jupyter.Server;

/// <summary>
/// The kernel's notebook session and the folder it runs in. The folder is the notebook's: cells resolve relative
/// paths, <c>#r</c> and the report's path parameters against it, as under <c>research run</c>. When the front end
/// names the notebook only with the first execute request (VS Code), the session is recreated there if no cell has
/// run yet; later the folder stays, because the cells' state belongs to the first one.
/// </summary>
internal sealed class SessionHost : IDisposable
{
    private readonly Func<string, NotebookSession> _create;
    private readonly KernelLog _log;
    private bool _used;

    public SessionHost(Func<string, NotebookSession> create, string directory, KernelLog log)
    {
        _create = create;
        _log = log;
        Directory = directory;
        System.IO.Directory.SetCurrentDirectory(directory);
        Session = create(directory);
    }

    /// <summary>The live session.</summary>
    public NotebookSession Session { get; private set; }

    /// <summary>The notebook's folder: the working directory of the process and the session.</summary>
    public string Directory { get; private set; }

    /// <summary>Moves to <paramref name="directory"/> if it differs and nothing has run yet.</summary>
    public void MoveTo(string directory)
    {
        if (string.Equals(Path.GetFullPath(directory), Path.GetFullPath(Directory), StringComparison.Ordinal))
        {
            return;
        }

        if (_used)
        {
            _log.Info($"the front end names a notebook in '{directory}', but cells have run in '{Directory}'; the kernel stays there (restart it to move).");
            return;
        }

        _log.Info($"working directory: '{directory}' (the notebook's folder, named by the front end).");
        Session.Dispose();
        System.IO.Directory.SetCurrentDirectory(directory);
        Directory = directory;
        Session = _create(directory);
    }

    /// <summary>Records that code ran in the session (silent requests too), which pins its folder.</summary>
    public void MarkUsed() => _used = true;

    /// <inheritdoc />
    public void Dispose() => Session.Dispose();
}
