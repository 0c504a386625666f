using Research.Jupyter.Protocol;

namespace Research.Jupyter.Server;

/// <summary>The <c>input_reply</c> the kernel is waiting for (one at a time: only the running cell asks).</summary>
internal sealed class StdinReplies
{
    private readonly object _gate = new();
    private TaskCompletionSource<string>? _pending;

    /// <summary>Starts waiting for a reply.</summary>
    public TaskCompletionSource<string> Expect()
    {
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _pending = answer;
        }

        return answer;
    }

    /// <summary>Stops waiting for <paramref name="answer"/>.</summary>
    public void Forget(TaskCompletionSource<string> answer)
    {
        lock (_gate)
        {
            if (_pending == answer)
            {
                _pending = null;
            }
        }
    }

    /// <summary>Delivers an <c>input_reply</c>; false when nothing was waiting for one.</summary>
    public bool Deliver(JupyterMessage reply)
    {
        TaskCompletionSource<string>? pending;
        lock (_gate)
        {
            (pending, _pending) = (_pending, null);
        }

        return pending is not null && pending.TrySetResult(JupyterMessage.Text(reply.Content, "value") ?? string.Empty);
    }
}
