using System.Text.Json.Nodes;
using Research.Jupyter.Protocol;

namespace Research.Jupyter.Server;

/// <summary>Signs and queues the kernel's messages: replies on shell or control, broadcasts on IOPub, questions on stdin.</summary>
internal sealed class KernelMessenger
{
    private readonly KernelSockets _sockets;
    private readonly MessageSigner _signer;

    public KernelMessenger(KernelSockets sockets, MessageSigner signer, MessageFactory factory)
    {
        _sockets = sockets;
        _signer = signer;
        Factory = factory;
    }

    public MessageFactory Factory { get; }

    /// <summary>Replies to <paramref name="request"/> on the channel it came in on.</summary>
    public void Reply(KernelChannel channel, JupyterMessage request, string messageType, JsonObject content) =>
        _sockets.Send(channel, WireFormat.Encode(Factory.Reply(request, messageType, content), _signer));

    /// <summary>Broadcasts on IOPub, caused by <paramref name="parent"/>.</summary>
    public void Publish(JupyterMessage? parent, string messageType, JsonObject content) =>
        _sockets.Send(KernelChannel.Iopub, WireFormat.Encode(Factory.Broadcast(parent, messageType, content), _signer));

    /// <summary>Publishes the kernel's state (<c>starting</c>, <c>busy</c>, <c>idle</c>).</summary>
    public void Status(JupyterMessage? parent, string state) => Publish(parent, "status", new JsonObject { ["execution_state"] = state });

    /// <summary>Sends a request to the front end that sent <paramref name="parent"/> on stdin; <paramref name="failed"/> hears when it is gone.</summary>
    public void Ask(JupyterMessage parent, string messageType, JsonObject content, Action<Exception> failed) =>
        _sockets.Send(KernelChannel.Stdin, WireFormat.Encode(Factory.Request(parent, messageType, content), _signer), failed);

    /// <summary>Replies with an error (<c>status: error</c>) named <paramref name="name"/>.</summary>
    public void ReplyError(KernelChannel channel, JupyterMessage request, string messageType, string name, string message) =>
        Reply(channel, request, messageType, new JsonObject
        {
            ["status"] = "error",
            ["ename"] = name,
            ["evalue"] = message,
            ["traceback"] = new JsonArray(),
        });

    /// <summary>Completes when all queued messages are on their sockets.</summary>
    public Task FlushAsync() => _sockets.FlushAsync();
}
