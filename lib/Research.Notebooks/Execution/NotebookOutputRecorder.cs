using System.Text;
using System.Text.Json.Nodes;
using Research.Notebooks.Sessions;

namespace Research.Notebooks.Execution;

/// <summary>
/// Records a session's events as the outputs of notebook cells, as nbclient (papermill, nbconvert) and Jupyter front
/// ends do: consecutive text of one stream forms one output; a display update replaces every output shown with that
/// display id, in this cell or an earlier one; <c>clear_output</c> empties the running cell at once or, with
/// <c>wait</c>, when its next output arrives (a wait still pending when the cell ends clears nothing).
/// </summary>
internal sealed class NotebookOutputRecorder : ICellObserver
{
    private readonly Dictionary<string, List<(NotebookCell Cell, int Index)>> _displays = new(StringComparer.Ordinal);
    private readonly StringBuilder _stream = new();
    private int _streamIndex = -1;
    private NotebookCell? _cell;
    private bool _clearPending;

    /// <summary>Starts recording the outputs of <paramref name="cell"/>.</summary>
    public void Begin(NotebookCell cell)
    {
        End();
        _cell = cell;
    }

    /// <summary>Completes the running cell's outputs; later events are ignored until the next <see cref="Begin"/>.</summary>
    public void End()
    {
        CloseStream();
        _cell = null;
        _clearPending = false;
    }

    /// <inheritdoc />
    public void OnEvent(CellEvent cellEvent)
    {
        if (_cell is not { } cell)
        {
            return;
        }

        switch (cellEvent)
        {
            case ClearOutputEvent { Wait: true }:
                _clearPending = true;
                break;
            case ClearOutputEvent:
                Clear(cell);
                break;
            case UpdateDisplayDataEvent update:
                Replace(update.DisplayId, update.Data, update.Metadata);
                break;
            case StreamEvent stream:
                AppendStream(cell, stream);
                break;
            case DisplayDataEvent { DisplayId: { } id } display:
                // As in nbclient, showing an id again refreshes the earlier outputs with it, then adds one.
                Replace(id, display.Data, display.Metadata);
                Append(cell, display.ToOutput(), id);
                break;
            default:
                Append(cell, cellEvent.ToOutput()!, null);
                break;
        }
    }

    private void AppendStream(NotebookCell cell, StreamEvent stream)
    {
        ClearIfPending(cell);
        var outputs = cell.Outputs;
        if (_streamIndex >= 0 && _streamIndex == outputs.Count - 1 && ((StreamOutput)outputs[_streamIndex]).Name == stream.Name)
        {
            _stream.Append(stream.Text);
            return;
        }

        CloseStream();
        outputs.Add(new StreamOutput(stream.Name, string.Empty));
        _streamIndex = outputs.Count - 1;
        _stream.Append(stream.Text);
    }

    // The open stream output collects its text in a builder (no quadratic string concatenation) until it is complete.
    private void CloseStream()
    {
        if (_streamIndex >= 0 && _cell is { } cell)
        {
            cell.Outputs[_streamIndex] = (StreamOutput)cell.Outputs[_streamIndex] with { Text = _stream.ToString() };
        }

        _stream.Clear();
        _streamIndex = -1;
    }

    private void Append(NotebookCell cell, CellOutput output, string? displayId)
    {
        ClearIfPending(cell);
        CloseStream();
        cell.Outputs.Add(output);
        if (displayId is not null)
        {
            if (!_displays.TryGetValue(displayId, out var shown))
            {
                _displays[displayId] = shown = new List<(NotebookCell, int)>();
            }

            shown.Add((cell, cell.Outputs.Count - 1));
        }
    }

    private void Replace(string displayId, MimeBundle data, JsonObject metadata)
    {
        if (!_displays.TryGetValue(displayId, out var shown))
        {
            return;
        }

        foreach (var (cell, index) in shown)
        {
            cell.Outputs[index] = cell.Outputs[index] switch
            {
                ExecuteResultOutput result => result with { Data = data, Metadata = metadata },
                _ => new DisplayDataOutput(data) { Metadata = metadata },
            };
        }
    }

    private void ClearIfPending(NotebookCell cell)
    {
        if (_clearPending)
        {
            Clear(cell);
        }
    }

    private void Clear(NotebookCell cell)
    {
        _stream.Clear();
        _streamIndex = -1;
        _clearPending = false;
        cell.Outputs.Clear();
        foreach (var shown in _displays.Values)
        {
            shown.RemoveAll(entry => ReferenceEquals(entry.Cell, cell));
        }
    }
}
