namespace Research.Notebooks.Tests.Support;

/// <summary>
/// Loads a page in Debian's headless Chromium with every host name unresolvable (so the page must work offline),
/// lets scripts run, and returns the final DOM plus every console message Chromium logged.
/// </summary>
internal static class HeadlessChromium
{
    public static (string Dom, IReadOnlyList<string> Console) Load(string htmlPath, string? screenshot = null)
    {
        var profile = Directory.CreateTempSubdirectory("nb-chromium-").FullName;
        var arguments = new List<string>
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND", $"--user-data-dir={profile}",
            "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000", "--window-size=1200,1800",
        };
        if (screenshot is not null)
        {
            ExternalTool.Run("/usr/bin/chromium", "chromium", arguments.Append($"--screenshot={screenshot}").Append(new Uri(htmlPath).AbsoluteUri));
        }

        var (exitCode, dom, log) = ExternalTool.Run("/usr/bin/chromium", "chromium", arguments.Append("--dump-dom").Append(new Uri(htmlPath).AbsoluteUri));
        Assert.True(exitCode == 0, log);

        // Console messages (console.log/error, uncaught exceptions, failed loads) are logged as "...:CONSOLE...".
        return (dom, log.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).ToList());
    }
}
