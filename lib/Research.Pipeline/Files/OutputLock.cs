using System.Globalization;

namespace Research.Pipeline.Files;

/// <summary>
/// An exclusive lock on an output directory (<c>OUT/.lock</c>, an advisory file lock the operating system releases when
/// the process ends, even by <c>kill -9</c>), so two runs cannot interleave their outputs in one directory. The holder's
/// process id and start time are written beside it (<c>OUT/.lock.owner</c>) for the message the second run prints.
/// </summary>
public sealed class OutputLock : IDisposable
{
    /// <summary>The lock file's name inside the output directory.</summary>
    public const string FileName = ".lock";

    private readonly FileStream _stream;

    private OutputLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock on <paramref name="directory"/> (created if missing), or fails at once.</summary>
    /// <exception cref="PipelineException">Another process (or another run in this process) holds the lock.</exception>
    /// <exception cref="IOException">The directory cannot be created or written.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory is read-only.</exception>
    public static OutputLock Acquire(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        var owner = path + ".owner";
        FileStream stream;
        try
        {
            // FileShare.None is an exclusive flock on Unix and a sharing lock on Windows.
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (IsHeld(path))
        {
            var holder = File.Exists(owner) ? File.ReadAllText(owner).Trim() : "another process";
            throw new PipelineException(
                $"{directory} is in use by another run ({holder}); wait for it to finish or choose another output directory");
        }

        File.WriteAllText(owner, string.Create(CultureInfo.InvariantCulture, $"process {Environment.ProcessId}, since {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss} UTC"));
        return new OutputLock(stream);
    }

    /// <summary>
    /// Takes the lock to read <paramref name="directory"/> (verify), or returns null when the directory cannot be written
    /// at all (read-only media): then no run can change it either.
    /// </summary>
    /// <exception cref="PipelineException">A run holds the lock.</exception>
    public static OutputLock? AcquireForReading(string directory)
    {
        try
        {
            return Acquire(directory);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return null;
        }
    }

    // The exclusive open failed: either another holder has the lock (then a shared open fails too), or the file cannot
    // be opened for writing at all (read-only media: a shared open for reading succeeds).
    private static bool IsHeld(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Releases the lock (the file stays, so a waiting opener never locks a deleted file).</summary>
    public void Dispose() => _stream.Dispose();
}
