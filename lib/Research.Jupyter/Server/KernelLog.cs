using System.Globalization;

namespace Research.Jupyter.Server;

/// <summary>
/// The kernel's log: one line per event on the writer it is given (standard error, which front ends show in their
/// kernel log), never on standard output, which belongs to the cells. Thread safe.
/// </summary>
public sealed class KernelLog
{
    private readonly TextWriter _writer;
    private readonly object _gate = new();

    /// <summary>Creates a log writing to <paramref name="writer"/> (the caller escapes control characters).</summary>
    public KernelLog(TextWriter writer) => _writer = writer;

    /// <summary>Logs an error: something was refused or failed, the kernel carries on.</summary>
    public void Error(string message) => Write("error", message);

    /// <summary>Logs a notable event.</summary>
    public void Info(string message) => Write("info", message);

    private void Write(string level, string message)
    {
        lock (_gate)
        {
            _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[research kernel {DateTime.UtcNow:HH:mm:ss.fff} {level}] {message}"));
            _writer.Flush();
        }
    }
}
