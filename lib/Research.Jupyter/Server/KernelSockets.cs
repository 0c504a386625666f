using NetMQ;
using NetMQ.Sockets;
using Research.Jupyter.Protocol;

namespace Research.Jupyter.Server;

/// <summary>
/// The kernel's ZeroMQ sockets, bound to the connection file's addresses: shell, control and stdin (ROUTER), IOPub
/// (PUB) and heartbeat (REP). ZeroMQ sockets are not thread safe, so one poller thread owns the first four: it hands
/// what arrives to the kernel and sends what the kernel queued from any thread, in queue order. The heartbeat has its
/// own thread, so it echoes even while the kernel is busy.
/// </summary>
internal sealed class KernelSockets : IDisposable
{
    /// <summary>The largest frame a peer may send; ZeroMQ drops the connection of a peer that sends more (bounds memory).</summary>
    public const long MaxFrameBytes = 64L * 1024 * 1024;

    private static readonly TimeSpan Linger = TimeSpan.FromSeconds(1);
    private readonly RouterSocket _shell = new();
    private readonly RouterSocket _control = new();
    private readonly RouterSocket _stdin = new();
    private readonly PublisherSocket _iopub = new();
    private readonly ResponseSocket _heartbeat = new();
    private readonly NetMQQueue<Outgoing> _outbox = new();
    private readonly NetMQPoller _poller;
    private readonly Thread _heartbeatThread;
    private readonly Action<KernelChannel, List<byte[]>> _received;
    private readonly KernelLog _log;
    private volatile bool _stopping;

    public KernelSockets(ConnectionInfo connection, Action<KernelChannel, List<byte[]>> received, KernelLog log)
    {
        _received = received;
        _log = log;
        foreach (var (socket, port) in new (NetMQSocket, int)[]
        {
            (_shell, connection.ShellPort), (_control, connection.ControlPort), (_stdin, connection.StdinPort),
            (_iopub, connection.IopubPort), (_heartbeat, connection.HeartbeatPort),
        })
        {
            socket.Options.Linger = Linger;
            socket.Options.MaxMsgSize = MaxFrameBytes;
            if (socket is RouterSocket router)
            {
                // A reply to a client that has gone raises an error we log, instead of vanishing silently.
                router.Options.RouterMandatory = true;

                // jupyter_client names a client's sockets by its session id, which every client of one kernel manager
                // shares (a notebook server's second browser tab, a console beside it): the newest connection takes
                // the name over, as ipykernel configures it, instead of being ignored.
                router.Options.RouterHandover = true;
            }

            socket.Bind(connection.Address(port));
        }

        _shell.ReceiveReady += (_, e) => Drain(e.Socket, KernelChannel.Shell);
        _control.ReceiveReady += (_, e) => Drain(e.Socket, KernelChannel.Control);
        _stdin.ReceiveReady += (_, e) => Drain(e.Socket, KernelChannel.Stdin);
        _outbox.ReceiveReady += (_, e) =>
        {
            while (e.Queue.TryDequeue(out var item, TimeSpan.Zero))
            {
                SendNow(item);
            }
        };
        _poller = new NetMQPoller { _shell, _control, _stdin, _outbox };
        _heartbeatThread = new Thread(Echo) { IsBackground = true, Name = "jupyter heartbeat" };
    }

    /// <summary>Starts receiving and the heartbeat.</summary>
    public void Start()
    {
        _poller.RunAsync("jupyter sockets");
        _heartbeatThread.Start();
    }

    /// <summary>Queues <paramref name="frames"/> for <paramref name="channel"/>; <paramref name="failed"/> hears if they cannot be delivered.</summary>
    public void Send(KernelChannel channel, List<byte[]> frames, Action<Exception>? failed = null) =>
        _outbox.Enqueue(new Outgoing(channel, frames, failed, null));

    /// <summary>Completes when everything queued before the call has been handed to ZeroMQ.</summary>
    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _outbox.Enqueue(new Outgoing(KernelChannel.Iopub, null, null, done));
        return done.Task;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping = true;
        if (_poller.IsRunning)
        {
            _poller.Stop();
        }

        _heartbeatThread.Join(TimeSpan.FromSeconds(1));
        _poller.Dispose();
        _outbox.Dispose();
        foreach (var socket in new NetMQSocket[] { _shell, _control, _stdin, _iopub, _heartbeat })
        {
            socket.Dispose();
        }
    }

    private void Drain(NetMQSocket socket, KernelChannel channel)
    {
        // A bounded batch per wake-up, so one busy client cannot starve the other sockets or the outbox.
        var frames = new List<byte[]>();
        for (var i = 0; i < 64 && socket.TryReceiveMultipartBytes(TimeSpan.Zero, ref frames); i++)
        {
            _received(channel, frames);
            frames = new List<byte[]>();
        }
    }

    private void SendNow(Outgoing item)
    {
        if (item.Frames is null)
        {
            item.Flushed?.TrySetResult();
            return;
        }

        NetMQSocket socket = item.Channel switch
        {
            KernelChannel.Shell => _shell,
            KernelChannel.Control => _control,
            KernelChannel.Stdin => _stdin,
            _ => _iopub,
        };
        try
        {
            // Never blocks the poller: a client that does not read loses messages (IOPub drops at its high-water mark).
            if (!socket.TrySendMultipartBytes(TimeSpan.Zero, item.Frames))
            {
                Fail(item, new InvalidOperationException($"the {item.Channel} message could not be queued: the client is not reading."));
            }
        }
        catch (HostUnreachableException e)
        {
            Fail(item, e);
        }
    }

    private void Fail(Outgoing item, Exception e)
    {
        _log.Error($"{item.Channel} message not delivered: the client that asked is no longer connected or not reading ({e.Message}).");
        item.Failed?.Invoke(e);
    }

    private void Echo()
    {
        var frames = new List<byte[]>();
        while (!_stopping)
        {
            try
            {
                if (_heartbeat.TryReceiveMultipartBytes(TimeSpan.FromMilliseconds(200), ref frames))
                {
                    _heartbeat.SendMultipartBytes(frames);
                    frames = new List<byte[]>();
                }
            }
            catch (NetMQException e) when (!_stopping)
            {
                _log.Error($"heartbeat: {e.Message}");
            }
            catch (ObjectDisposedException) when (_stopping)
            {
                return;
            }
        }
    }

    private sealed record Outgoing(KernelChannel Channel, List<byte[]>? Frames, Action<Exception>? Failed, TaskCompletionSource? Flushed);
}
