namespace Research.Jupyter.Kernelspec;

/// <summary>
/// The <c>kernels</c> folders Jupyter searches, as <c>jupyter kernelspec install</c> names them: the user's data
/// folder (<c>JUPYTER_DATA_DIR</c>, else <c>$XDG_DATA_HOME/jupyter</c> or <c>~/.local/share/jupyter</c> on Linux,
/// <c>~/Library/Jupyter</c> on macOS, <c>%APPDATA%\jupyter</c> on Windows), the active Python environment's prefix
/// (<c>VIRTUAL_ENV</c> or <c>CONDA_PREFIX</c>), or any prefix (<c>PREFIX/share/jupyter/kernels</c>).
/// </summary>
public static class KernelSpecLocation
{
    /// <summary>The user's kernels folder.</summary>
    public static string User(Func<string, string?> environment)
    {
        if (environment("JUPYTER_DATA_DIR") is { Length: > 0 } data)
        {
            return Path.Combine(Path.GetFullPath(data), "kernels");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter", "kernels");
        }

        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(home, "Library", "Jupyter", "kernels");
        }

        var xdg = environment("XDG_DATA_HOME") is { Length: > 0 } x ? x : Path.Combine(home, ".local", "share");
        return Path.Combine(xdg, "jupyter", "kernels");
    }

    /// <summary>The kernels folder of the active Python environment, or null when none is active.</summary>
    public static string? SysPrefix(Func<string, string?> environment) =>
        (environment("VIRTUAL_ENV") ?? environment("CONDA_PREFIX")) is { Length: > 0 } prefix ? Prefix(prefix) : null;

    /// <summary>The kernels folder under <paramref name="prefix"/>.</summary>
    public static string Prefix(string prefix) => Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");

    /// <summary>Every kernels folder Jupyter would search, user first (where an uninstall looks).</summary>
    public static IEnumerable<string> SearchPath(Func<string, string?> environment)
    {
        yield return User(environment);
        foreach (var path in (environment("JUPYTER_PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return Path.Combine(Path.GetFullPath(path), "kernels");
        }

        if (SysPrefix(environment) is { } env)
        {
            yield return env;
        }

        if (!OperatingSystem.IsWindows())
        {
            yield return "/usr/local/share/jupyter/kernels";
            yield return "/usr/share/jupyter/kernels";
        }
    }
}
