using System.Diagnostics;

namespace Research.Cli.Run;

/// <summary>
/// <c>research run --exit-with-parent</c>: the process ends when its standard input closes. run-all gives each child a
/// pipe it never writes, so when run-all dies (even by <c>kill -9</c>) the kernel closes the pipe and the child ends at
/// once instead of writing reports that no cache entry describes.
/// </summary>
internal static class ParentWatch
{
    /// <summary>Starts watching standard input on a background thread.</summary>
    public static void Start()
    {
        var thread = new Thread(() =>
        {
            using var input = Console.OpenStandardInput();
            var buffer = new byte[256];
            try
            {
                while (input.Read(buffer) > 0)
                {
                    // The parent never writes; anything read is ignored.
                }
            }
            catch (IOException)
            {
                // A broken pipe means the same as end of input.
            }

            // Not Environment.Exit: a cell may be running and must not get the chance to write anything more.
            Process.GetCurrentProcess().Kill();
        })
        {
            IsBackground = true,
            Name = "parent watch",
        };
        thread.Start();
    }
}
