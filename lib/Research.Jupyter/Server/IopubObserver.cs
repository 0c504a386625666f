using System.Text.Json.Nodes;
using Research.Jupyter.Protocol;
using Research.Notebooks;
using Research.Notebooks.Sessions;

namespace Research.Jupyter.Server;

/// <summary>
/// Forwards what a running cell produces to IOPub as it happens (stream, display_data, update_display_data,
/// execute_result, error, clear_output), with the execute request as parent. A silent execution broadcasts nothing.
/// Keeps the error and the result text for the reply and the history.
/// </summary>
internal sealed class IopubObserver : ICellObserver
{
    private readonly KernelMessenger? _messenger;
    private readonly JupyterMessage _request;
    private readonly bool _silent;

    public IopubObserver(KernelMessenger? messenger, JupyterMessage request, bool silent)
    {
        _messenger = messenger;
        _request = request;
        _silent = silent;
    }

    /// <summary>The cell's error, if it failed.</summary>
    public ErrorEvent? Error { get; private set; }

    /// <summary>The cell's result, if it had one.</summary>
    public MimeBundle? Result { get; private set; }

    /// <inheritdoc />
    public void OnEvent(CellEvent cellEvent)
    {
        switch (cellEvent)
        {
            case ErrorEvent error:
                Error = error;
                break;
            case ExecuteResultEvent result:
                Result = result.Data;
                break;
        }

        if (_silent || _messenger is null)
        {
            return;
        }

        var (type, content) = cellEvent switch
        {
            StreamEvent s => ("stream", new JsonObject { ["name"] = s.Name, ["text"] = s.Text }),
            DisplayDataEvent d => ("display_data", Display(d.Data, d.Metadata, d.DisplayId)),
            UpdateDisplayDataEvent u => ("update_display_data", Display(u.Data, u.Metadata, u.DisplayId)),
            ExecuteResultEvent r => ("execute_result", new JsonObject
            {
                ["execution_count"] = r.ExecutionCount,
                ["data"] = Data(r.Data),
                ["metadata"] = r.Metadata.DeepClone(),
            }),
            ErrorEvent e => ("error", ErrorContent(e)),
            ClearOutputEvent c => ("clear_output", new JsonObject { ["wait"] = c.Wait }),
            _ => (null, null),
        };
        if (type is not null)
        {
            _messenger.Publish(_request, type, content!);
        }
    }

    /// <summary>The <c>ename</c>, <c>evalue</c> and <c>traceback</c> of an error, as in an error message or reply.</summary>
    public static JsonObject ErrorContent(ErrorEvent error) => new()
    {
        ["ename"] = error.Name,
        ["evalue"] = error.Value,
        ["traceback"] = new JsonArray(error.Traceback.Select(line => (JsonNode?)JsonValue.Create(line)).ToArray()),
    };

    /// <summary>A MIME bundle as the <c>data</c> object of a message.</summary>
    public static JsonObject Data(MimeBundle bundle)
    {
        var data = new JsonObject();
        foreach (var (mime, node) in bundle)
        {
            data[mime] = node.DeepClone();
        }

        return data;
    }

    private static JsonObject Display(MimeBundle bundle, JsonObject metadata, string? displayId) => new()
    {
        ["data"] = Data(bundle),
        ["metadata"] = metadata.DeepClone(),
        ["transient"] = displayId is null ? new JsonObject() : new JsonObject { ["display_id"] = displayId },
    };
}
