using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Research.Jupyter.Protocol;

/// <summary>
/// A Jupyter connection file: where the kernel's five sockets listen and the key that signs messages. The kernel binds
/// exactly these addresses and no other.
/// </summary>
public sealed record ConnectionInfo
{
    /// <summary><c>tcp</c> or <c>ipc</c>.</summary>
    [JsonPropertyName("transport")]
    public string Transport { get; init; } = "tcp";

    /// <summary>The address to bind, e.g. <c>127.0.0.1</c>.</summary>
    [JsonPropertyName("ip")]
    public string Ip { get; init; } = "127.0.0.1";

    /// <summary>The shell (requests and replies) port.</summary>
    [JsonPropertyName("shell_port")]
    public int ShellPort { get; init; }

    /// <summary>The IOPub (broadcast) port.</summary>
    [JsonPropertyName("iopub_port")]
    public int IopubPort { get; init; }

    /// <summary>The stdin (input requests) port.</summary>
    [JsonPropertyName("stdin_port")]
    public int StdinPort { get; init; }

    /// <summary>The control (interrupt, shutdown) port.</summary>
    [JsonPropertyName("control_port")]
    public int ControlPort { get; init; }

    /// <summary>The heartbeat port.</summary>
    [JsonPropertyName("hb_port")]
    public int HeartbeatPort { get; init; }

    /// <summary>The signing scheme; only <c>hmac-sha256</c> is supported.</summary>
    [JsonPropertyName("signature_scheme")]
    public string SignatureScheme { get; init; } = "hmac-sha256";

    /// <summary>The signing key; empty means messages are not signed.</summary>
    [JsonPropertyName("key")]
    public string Key { get; init; } = string.Empty;

    /// <summary>Reads and checks a connection file.</summary>
    /// <exception cref="InvalidDataException">The file is not a usable connection file; the message says why.</exception>
    public static ConnectionInfo Load(string path)
    {
        ConnectionInfo? info;
        try
        {
            info = JsonSerializer.Deserialize<ConnectionInfo>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"connection file '{path}' is not valid JSON: {e.Message}", e);
        }

        if (info is null)
        {
            throw new InvalidDataException($"connection file '{path}' is empty.");
        }

        info.Check(path);
        return info;
    }

    /// <summary>The ZeroMQ address of a port on this connection.</summary>
    public string Address(int port) => Transport == "ipc"
        ? string.Create(CultureInfo.InvariantCulture, $"ipc://{Ip}-{port}")
        : string.Create(CultureInfo.InvariantCulture, $"tcp://{Ip}:{port}");

    private void Check(string path)
    {
        if (Transport is not ("tcp" or "ipc"))
        {
            throw new InvalidDataException($"connection file '{path}': transport '{Transport}' is not supported (tcp or ipc).");
        }

        if (Key.Length > 0 && SignatureScheme != "hmac-sha256")
        {
            throw new InvalidDataException($"connection file '{path}': signature scheme '{SignatureScheme}' is not supported (hmac-sha256).");
        }

        var ports = new[] { ShellPort, IopubPort, StdinPort, ControlPort, HeartbeatPort };
        if (Transport == "tcp" && ports.Any(p => p is <= 0 or > 65535))
        {
            throw new InvalidDataException($"connection file '{path}': every port (shell, iopub, stdin, control, hb) must be between 1 and 65535.");
        }
    }
}
