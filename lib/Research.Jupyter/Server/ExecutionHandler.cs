using System.Text.Json.Nodes;
using Research.Jupyter.Protocol;
using Research.Notebooks;
using Research.Notebooks.Sessions;

namespace Research.Jupyter.Server;

/// <summary>
/// Runs an <c>execute_request</c> in the session: <c>execute_input</c>, the cell's outputs live on IOPub, then the
/// <c>execute_reply</c> with the execution count, the error or the <c>user_expressions</c>. Honours <c>silent</c>
/// (nothing broadcast, not counted), <c>store_history</c> and <c>allow_stdin</c> (input goes to the front end, or the
/// cell is told it cannot have any).
/// </summary>
internal sealed class ExecutionHandler
{
    private readonly KernelMessenger _messenger;
    private readonly SessionHost _host;
    private readonly StdinReplies _replies;
    private readonly HistoryQuery _history;

    public ExecutionHandler(KernelMessenger messenger, SessionHost host, StdinReplies replies, HistoryQuery history)
    {
        _messenger = messenger;
        _host = host;
        _replies = replies;
        _history = history;
    }

    /// <summary>
    /// Executes <paramref name="request"/> and replies. When the cell fails and the request asks to stop on errors,
    /// <paramref name="takeQueued"/> takes the executions already waiting before the reply goes out (those the front end
    /// sent without having seen the error); they are returned, to be aborted. A request sent after the reply runs.
    /// </summary>
    public async Task<IReadOnlyList<JupyterMessage>> ExecuteAsync(JupyterMessage request, Func<IReadOnlyList<JupyterMessage>> takeQueued, CancellationToken cancellationToken)
    {
        var content = request.Content;
        if (JupyterMessage.Text(content, "code") is not { } code)
        {
            _messenger.ReplyError(KernelChannel.Shell, request, "execute_reply", "InvalidRequest", "the execute_request has no code string.");
            return [];
        }

        var silent = JupyterMessage.Flag(content, "silent", false);
        var storeHistory = !silent && JupyterMessage.Flag(content, "store_history", true);
        if (NotebookLocation.FromRequestMetadata(request.Metadata) is { } folder)
        {
            _host.MoveTo(folder);
        }

        _host.MarkUsed();
        var session = _host.Session;
        if (!silent)
        {
            _messenger.Publish(request, "execute_input", new JsonObject
            {
                ["code"] = code,
                ["execution_count"] = session.ExecutionCount + (storeHistory ? 1 : 0),
            });
        }

        var observer = new IopubObserver(_messenger, request, silent);
        var cell = new CellRequest(code) { Silent = silent, StoreHistory = storeHistory, Input = Input(request) };
        var result = await session.ExecuteAsync(cell, observer, cancellationToken).ConfigureAwait(false);
        if (storeHistory && observer.Result?.GetText(MimeBundle.PlainText) is { } text)
        {
            _history.RecordOutput(result.ExecutionCount, text);
        }

        JsonObject reply;
        if (result.Failure is { } failure)
        {
            reply = observer.Error is { } error
                ? IopubObserver.ErrorContent(error)
                : new JsonObject { ["ename"] = failure.Kind.ToString(), ["evalue"] = failure.Message, ["traceback"] = new JsonArray() };
            reply["status"] = "error";
        }
        else
        {
            reply = new JsonObject
            {
                ["status"] = "ok",
                ["payload"] = new JsonArray(),
                ["user_expressions"] = await EvaluateAsync(session, request, cancellationToken).ConfigureAwait(false),
            };
        }

        reply["execution_count"] = result.ExecutionCount;
        var aborted = result.Failure is not null && JupyterMessage.Flag(content, "stop_on_error", true) ? takeQueued() : [];
        _messenger.Reply(KernelChannel.Shell, request, "execute_reply", reply);
        return aborted;
    }

    /// <summary>Replies to an execute request that was not run because an earlier one failed.</summary>
    public void Abort(JupyterMessage request) =>
        _messenger.Reply(KernelChannel.Shell, request, "execute_reply", new JsonObject
        {
            ["status"] = "error",
            ["ename"] = "ExecutionAborted",
            ["evalue"] = "not run: an earlier cell failed and the request asked to stop on errors (stop_on_error).",
            ["traceback"] = new JsonArray(),
            ["execution_count"] = _host.Session.ExecutionCount,
        });

    private IInputProvider Input(JupyterMessage request) => JupyterMessage.Flag(request.Content, "allow_stdin", true)
        ? new StdinInput(_messenger, request, _replies)
        : new HeadlessInputProvider { Advice = "this front end does not accept input (allow_stdin is false)" };

    // Each expression runs as an uncounted cell in the same session; its result (or error) is the answer.
    private static async Task<JsonObject> EvaluateAsync(NotebookSession session, JupyterMessage request, CancellationToken cancellationToken)
    {
        var answers = new JsonObject();
        if (request.Content["user_expressions"] is not JsonObject expressions)
        {
            return answers;
        }

        foreach (var (name, node) in expressions.ToList())
        {
            if (node is not JsonValue value || !value.TryGetValue<string>(out var expression))
            {
                answers[name] = new JsonObject { ["status"] = "error", ["ename"] = "InvalidExpression", ["evalue"] = "a user expression must be a string.", ["traceback"] = new JsonArray() };
                continue;
            }

            var capture = new IopubObserver(null, request, silent: true);
            var cell = new CellRequest(expression) { StoreHistory = false, Input = new HeadlessInputProvider { Advice = "a user expression cannot ask for input" } };
            var result = await session.ExecuteAsync(cell, capture, cancellationToken).ConfigureAwait(false);
            JsonObject answer;
            if (result.Failure is { } failure)
            {
                answer = capture.Error is { } error
                    ? IopubObserver.ErrorContent(error)
                    : new JsonObject { ["ename"] = failure.Kind.ToString(), ["evalue"] = failure.Message, ["traceback"] = new JsonArray() };
                answer["status"] = "error";
            }
            else
            {
                answer = new JsonObject
                {
                    ["status"] = "ok",
                    ["data"] = capture.Result is { } data ? IopubObserver.Data(data) : new JsonObject { [MimeBundle.PlainText] = string.Empty },
                    ["metadata"] = new JsonObject(),
                };
            }

            answers[name] = answer;
        }

        return answers;
    }
}
