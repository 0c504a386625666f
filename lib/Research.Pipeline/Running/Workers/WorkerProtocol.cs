using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Research.Pipeline.Running.Workers;

/// <summary>
/// What a notebook worker (<c>research worker</c>) and its pool say to each other. The pool writes one request per line
/// on the worker's standard input; the worker writes everything a <c>research run</c> would print on its standard error
/// and, after the notebook, one end line carrying the request's id and the run's exit code. The id is random per job, so
/// a notebook printing something that looks like an end line cannot end another job's log.
/// </summary>
public static class WorkerProtocol
{
    /// <summary>The verb that starts a worker.</summary>
    public const string Verb = "worker";

    /// <summary>
    /// The option (followed by the jobs' output directory) that asks a worker to get its notebook engine ready before the
    /// first request arrives.
    /// </summary>
    public const string WarmUpOption = "--warm-up";

    /// <summary>
    /// The option (followed by a file) that asks a worker to play and record a multicore JIT profile there
    /// (<see cref="JitProfiles"/>).
    /// </summary>
    public const string JitProfileOption = "--jit-profile";

    // A record separator starts the end line: no cell output or log line of the run begins with one, because the run's
    // writers show control characters as escapes.
    private const string EndPrefix = "\u001Eresearch-worker-end ";

    /// <summary>The request line for one job.</summary>
    public static string Request(WorkerRequest request) => JsonSerializer.Serialize(request, WorkerJson.Default.WorkerRequest);

    /// <summary>Reads a request line.</summary>
    /// <exception cref="JsonException">The line is not a request.</exception>
    public static WorkerRequest ParseRequest(string line) =>
        JsonSerializer.Deserialize(line, WorkerJson.Default.WorkerRequest) is { Id.Length: > 0, Arguments: not null, WorkingDirectory.Length: > 0 } request
            ? request
            : throw new JsonException("a worker request needs an id, a working directory and arguments");

    /// <summary>The line that ends job <paramref name="id"/> with <paramref name="exitCode"/> (with its newline).</summary>
    public static string End(string id, int exitCode) => string.Create(CultureInfo.InvariantCulture, $"{EndPrefix}{id} {exitCode}\n");

    /// <summary>
    /// Where the end line of job <paramref name="id"/> starts in <paramref name="line"/> and its exit code, if the line
    /// holds it: the run's last output may lack a newline, so the end line can follow it on the same line.
    /// </summary>
    public static (int Start, int ExitCode)? FindEnd(ReadOnlySpan<byte> line, string id)
    {
        var expected = Encoding.UTF8.GetBytes(EndPrefix + id + " ");
        var start = line.IndexOf(expected);
        if (start < 0)
        {
            return null;
        }

        var rest = Encoding.UTF8.GetString(line[(start + expected.Length)..]).TrimEnd('\n', '\r');
        return int.TryParse(rest, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code) ? (start, code) : null;
    }
}

/// <summary>One job for a worker: the arguments of <c>research run</c> (after the verb), run in <paramref name="WorkingDirectory"/>.</summary>
/// <param name="Id">A random id the end line repeats.</param>
/// <param name="WorkingDirectory">The directory relative paths of the arguments resolve against.</param>
/// <param name="Arguments">The <c>research run</c> arguments.</param>
public sealed record WorkerRequest(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("cwd")] string WorkingDirectory,
    [property: JsonPropertyName("args")] IReadOnlyList<string> Arguments);

[JsonSerializable(typeof(WorkerRequest))]
internal sealed partial class WorkerJson : JsonSerializerContext;
