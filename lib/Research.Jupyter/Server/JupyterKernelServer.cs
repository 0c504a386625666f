using System.Text.Json.Nodes;
using System.Threading.Channels;
using Research.Jupyter.Protocol;
using Research.Notebooks.Sessions;

namespace Research.Jupyter.Server;

/// <summary>
/// A Jupyter kernel (messaging protocol 5.3) over one <see cref="NotebookSession"/>: the engine <c>research run</c>
/// uses, so a cell behaves the same in both. Executions run one at a time in arrival order; the other shell requests
/// (kernel info, completion, inspection, history) are answered while a cell runs; control (interrupt, shutdown) is
/// never queued behind either. Every request gets <c>busy</c> and <c>idle</c> on IOPub around its reply.
/// </summary>
/// <remarks>
/// Robustness: a message with a wrong or missing signature is dropped and logged, never executed; a signed message
/// that is not a Jupyter message (bad JSON, too large) gets an error reply when it can be answered and is logged;
/// unknown message types are logged and answered with an error; a reply to a client that has gone is logged. None of
/// these stops the kernel or touches the session's state. Queues are bounded.
/// </remarks>
public sealed class JupyterKernelServer : IDisposable
{
    private const int QueueLimit = 256;
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(3);
    private readonly MessageSigner _signer;
    private readonly ReplayGuard _replays = new();
    private readonly KernelLog _log;
    private readonly KernelSockets _sockets;
    private readonly KernelMessenger _messenger;
    private readonly SessionHost _host;
    private readonly StdinReplies _replies = new();
    private readonly HistoryQuery _history = new();
    private readonly ExecutionHandler _execution;
    private readonly EditingHandler _editing;
    private readonly Channel<JupyterMessage> _executions = Bounded();
    private readonly Channel<JupyterMessage> _shell = Bounded();
    private readonly Channel<JupyterMessage> _control = Bounded();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<bool> _shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _editorWarmUp;

    /// <summary>
    /// Binds the sockets of <paramref name="connection"/> and creates the session in <paramref name="directory"/> (the
    /// notebook's folder, which becomes the working directory) with <paramref name="createSession"/>.
    /// </summary>
    public JupyterKernelServer(ConnectionInfo connection, Func<string, NotebookSession> createSession, string directory, KernelLog log)
    {
        _log = log;
        _signer = new MessageSigner(connection.Key);
        _sockets = new KernelSockets(connection, OnReceived, log);
        _messenger = new KernelMessenger(_sockets, _signer, new MessageFactory());
        _host = new SessionHost(createSession, directory, log);
        _execution = new ExecutionHandler(_messenger, _host, _replies, _history);
        _editing = new EditingHandler(_host);
        if (!_signer.IsSigning)
        {
            log.Info("the connection file has an empty key: messages are not signed (anyone who can reach the ports can run code).");
        }
    }

    /// <summary>Serves until a <c>shutdown_request</c> arrives or <paramref name="cancellationToken"/> is cancelled; returns the exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        _sockets.Start();
        _messenger.Status(null, "starting");
        _log.Info($"kernel {_messenger.Factory.Session} serving in '{_host.Directory}'.");
        var loops = new[]
        {
            Task.Run(() => ServeAsync(_control, HandleControlAsync), CancellationToken.None),
            Task.Run(() => ServeAsync(_shell, HandleShellAsync), CancellationToken.None),
            Task.Run(ExecuteLoopAsync, CancellationToken.None),
        };
        using (cancellationToken.Register(() => _shutdown.TrySetResult(false)))
        {
            await _shutdown.Task.ConfigureAwait(false);
        }

        // Stop what runs, let the replies already queued go out, then close.
        _stop.Cancel();
        _host.Session.Interrupt();
        await Task.WhenAny(Task.WhenAll(loops), Task.Delay(ShutdownGrace, CancellationToken.None)).ConfigureAwait(false);
        await Task.WhenAny(_messenger.FlushAsync(), Task.Delay(ShutdownGrace, CancellationToken.None)).ConfigureAwait(false);
        _log.Info("kernel shut down.");
        return 0;
    }

    /// <summary>Interrupts the running cell, as an <c>interrupt_request</c> does (for SIGINT).</summary>
    public void Interrupt()
    {
        if (_host.Session.Interrupt())
        {
            _log.Info("interrupt (signal): the running cell was asked to stop.");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _sockets.Dispose();
        _host.Dispose();
        _stop.Dispose();
    }

    private static Channel<JupyterMessage> Bounded() =>
        Channel.CreateBounded<JupyterMessage>(new BoundedChannelOptions(QueueLimit) { SingleReader = true, SingleWriter = true });

    // On the socket thread: verify, then queue; never run anything here.
    private void OnReceived(KernelChannel channel, List<byte[]> frames)
    {
        JupyterMessage message;
        try
        {
            message = WireFormat.Decode(frames, _signer, _replays);
        }
        catch (InvalidMessageException e)
        {
            _log.Error($"{channel} message refused: {e.Message}");
            if (e is { Authenticated: true, Header: { } header } && channel is KernelChannel.Shell or KernelChannel.Control)
            {
                ReplyUnanswerable(channel, new JupyterMessage { Identities = e.Identities, Header = header }, e.Message);
            }

            return;
        }

        switch (channel)
        {
            case KernelChannel.Stdin when message.MessageType == "input_reply":
                if (!_replies.Deliver(message))
                {
                    _log.Error("an input_reply arrived while no cell was waiting for input; ignored.");
                }

                break;
            case KernelChannel.Stdin:
                _log.Error($"unexpected '{message.MessageType}' on stdin; ignored.");
                break;
            default:
                var queue = channel == KernelChannel.Control ? _control : message.MessageType == "execute_request" ? _executions : _shell;
                if (!queue.Writer.TryWrite(message))
                {
                    _log.Error($"{channel}: {QueueLimit} requests are already waiting; '{message.MessageType}' refused.");
                    ReplyUnanswerable(channel, message, $"the kernel has {QueueLimit} requests waiting; try again later.");
                }

                break;
        }
    }

    private void ReplyUnanswerable(KernelChannel channel, JupyterMessage request, string reason)
    {
        var type = request.MessageType;
        if (type.EndsWith("_request", StringComparison.Ordinal))
        {
            _messenger.Status(request, "busy");
            _messenger.ReplyError(channel, request, type[..^"_request".Length] + "_reply", "InvalidMessage", reason);
            _messenger.Status(request, "idle");
        }
    }

    private async Task ServeAsync(Channel<JupyterMessage> queue, Func<JupyterMessage, Task> handle)
    {
        try
        {
            await foreach (var message in queue.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                _messenger.Status(message, "busy");
                try
                {
                    await handle(message).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !_stop.IsCancellationRequested)
                {
                    // A bug in handling one request must not take the kernel down.
                    _log.Error($"'{message.MessageType}' failed: {e}");
                    ReplyFailure(message, e);
                }

                _messenger.Status(message, "idle");
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task ExecuteLoopAsync()
    {
        await ServeAsync(_executions, async request =>
        {
            var aborted = await _execution.ExecuteAsync(request, TakeQueuedExecutions, _stop.Token).ConfigureAwait(false);
            if (aborted.Count > 0)
            {
                // stop_on_error: what was queued behind the failed cell is answered, not run.
                _messenger.Status(request, "idle");
                foreach (var queued in aborted)
                {
                    _messenger.Status(queued, "busy");
                    _execution.Abort(queued);
                    _messenger.Status(queued, "idle");
                }

                _messenger.Status(request, "busy");
            }
        }).ConfigureAwait(false);
    }

    private List<JupyterMessage> TakeQueuedExecutions()
    {
        var queued = new List<JupyterMessage>();
        while (_executions.Reader.TryRead(out var message))
        {
            queued.Add(message);
        }

        return queued;
    }

    private void ReplyFailure(JupyterMessage request, Exception e)
    {
        var type = request.MessageType;
        if (type.EndsWith("_request", StringComparison.Ordinal))
        {
            var channel = request.MessageType is "interrupt_request" or "shutdown_request" ? KernelChannel.Control : KernelChannel.Shell;
            _messenger.ReplyError(channel, request, type[..^"_request".Length] + "_reply", e.GetType().Name, e.Message);
        }
    }

    private Task HandleControlAsync(JupyterMessage message)
    {
        switch (message.MessageType)
        {
            case "interrupt_request":
                var interrupted = _host.Session.Interrupt();
                _log.Info(interrupted ? "interrupt: the running cell was asked to stop." : "interrupt: no cell was running.");
                _messenger.Reply(KernelChannel.Control, message, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                break;
            case "shutdown_request":
                Shutdown(KernelChannel.Control, message);
                break;
            case "kernel_info_request":
                _messenger.Reply(KernelChannel.Control, message, "kernel_info_reply", KernelInfo.Content());
                break;
            default:
                Unknown(KernelChannel.Control, message);
                break;
        }

        return Task.CompletedTask;
    }

    private async Task HandleShellAsync(JupyterMessage message)
    {
        var content = message.Content;
        switch (message.MessageType)
        {
            case "kernel_info_request":
                _messenger.Reply(KernelChannel.Shell, message, "kernel_info_reply", KernelInfo.Content());
                WarmUpEditor();
                break;
            case "is_complete_request":
                _messenger.Reply(KernelChannel.Shell, message, "is_complete_reply", _editing.IsComplete(content));
                break;
            case "complete_request":
                _messenger.Reply(KernelChannel.Shell, message, "complete_reply", await _editing.CompleteAsync(content, _stop.Token).ConfigureAwait(false));
                break;
            case "inspect_request":
                _messenger.Reply(KernelChannel.Shell, message, "inspect_reply", await _editing.InspectAsync(content, _stop.Token).ConfigureAwait(false));
                break;
            case "history_request":
                _messenger.Reply(KernelChannel.Shell, message, "history_reply", new JsonObject
                {
                    ["status"] = "ok",
                    ["history"] = _history.Answer(content, _host.Session.History),
                });
                break;
            case "comm_info_request":
                _messenger.Reply(KernelChannel.Shell, message, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                break;
            case "comm_open":
                // No comm targets are registered: close it at once, as ipykernel does for an unknown target.
                _log.Info($"comm_open for unknown target '{JupyterMessage.Text(content, "target_name")}': closed.");
                _messenger.Publish(message, "comm_close", new JsonObject { ["comm_id"] = JupyterMessage.Text(content, "comm_id") ?? string.Empty, ["data"] = new JsonObject() });
                break;
            case "comm_msg" or "comm_close":
                break;
            case "shutdown_request":
                Shutdown(KernelChannel.Shell, message);
                break;
            case "interrupt_request":
                _host.Session.Interrupt();
                _messenger.Reply(KernelChannel.Shell, message, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                break;
            default:
                Unknown(KernelChannel.Shell, message);
                break;
        }
    }

    private void Shutdown(KernelChannel channel, JupyterMessage message)
    {
        var restart = JupyterMessage.Flag(message.Content, "restart", false);
        var reply = new JsonObject { ["status"] = "ok", ["restart"] = restart };
        _messenger.Reply(channel, message, "shutdown_reply", reply);
        _messenger.Publish(message, "shutdown_reply", reply.DeepClone().AsObject());
        _log.Info(restart ? "shutdown requested for a restart: the front end starts a new kernel." : "shutdown requested.");
        _shutdown.TrySetResult(true);
    }

    private void Unknown(KernelChannel channel, JupyterMessage message)
    {
        _log.Error($"{channel}: unknown message type '{message.MessageType}'.");
        if (message.MessageType.EndsWith("_request", StringComparison.Ordinal))
        {
            _messenger.ReplyError(channel, message, message.MessageType[..^"_request".Length] + "_reply", "UnknownMessageType", $"this kernel does not handle '{message.MessageType}'.");
        }
    }

    // Roslyn's editor services take a second or two to compose: start that once the front end is connected, in the
    // background, so the first completion is quick too.
    private void WarmUpEditor()
    {
        if (Interlocked.Exchange(ref _editorWarmUp, 1) == 0)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await _editing.CompleteAsync(new JsonObject { ["code"] = "Console.", ["cursor_pos"] = 8 }, _stop.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _log.Error($"warming up completion failed: {e.Message}");
                }
            });
        }
    }
}
