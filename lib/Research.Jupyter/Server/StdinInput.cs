using System.Text.Json.Nodes;
using Research.Jupyter.Protocol;
using Research.Notebooks.Sessions;

namespace Research.Jupyter.Server;

/// <summary>
/// Answers a cell's input requests through the front end: an <c>input_request</c> on stdin to the client that sent the
/// execute request, then the cell waits for its <c>input_reply</c>. An interrupt ends the wait; a client that has gone
/// fails the cell with a message saying so.
/// </summary>
internal sealed class StdinInput : IInputProvider
{
    private readonly KernelMessenger _messenger;
    private readonly JupyterMessage _request;
    private readonly StdinReplies _replies;

    public StdinInput(KernelMessenger messenger, JupyterMessage request, StdinReplies replies)
    {
        _messenger = messenger;
        _request = request;
        _replies = replies;
    }

    /// <inheritdoc />
    public async Task<string> GetInputAsync(InputRequest request, CancellationToken cancellationToken)
    {
        var answer = _replies.Expect();
        _messenger.Ask(
            _request,
            "input_request",
            new JsonObject { ["prompt"] = request.Prompt, ["password"] = request.IsPassword },
            e => answer.TrySetException(new InputNotAvailableException($"the cell asked for {request.Description}, but the front end that ran it is no longer connected.", e)));
        try
        {
            return await answer.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _replies.Forget(answer);
        }
    }
}
