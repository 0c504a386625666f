using System.Diagnostics;

namespace Research.Pipeline.Tests.Support;

/// <summary>
/// Makes files and directories read-only for real: permission bits for an ordinary user, the immutable attribute
/// (chattr +i) for root, whom permission bits do not stop.
/// </summary>
public static class WriteProtection
{
    public static void Set(IEnumerable<string> paths, bool on)
    {
        foreach (var path in paths)
        {
            if (Environment.UserName == "root")
            {
                using var chattr = Process.Start("chattr", [on ? "+i" : "-i", path])!;
                chattr.WaitForExit();
                Assert.True(chattr.ExitCode == 0 || !on, $"chattr {path} failed");
            }
            else if (!OperatingSystem.IsWindows())
            {
                var directory = Directory.Exists(path);
                File.SetUnixFileMode(path, on
                    ? UnixFileMode.UserRead | (directory ? UnixFileMode.UserExecute : 0)
                    : UnixFileMode.UserRead | UnixFileMode.UserWrite | (directory ? UnixFileMode.UserExecute : 0));
            }
        }
    }
}
