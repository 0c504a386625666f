using System.Text;
using Research.Notebooks.Sessions;

namespace Research.Notebooks.Execution;

/// <summary>
/// Text a cell wrote and that has not been delivered yet. It holds one stream at a time (a write to the other stream
/// delivers it first, so the order of stdout and stderr is kept) and at most <see cref="Threshold"/> characters.
/// </summary>
internal sealed class StreamBuffer
{
    /// <summary>The most characters held before they are delivered regardless of the flush timer.</summary>
    public const int Threshold = 64 * 1024;

    private readonly StringBuilder _text = new();
    private string _name = StreamOutput.Stdout;

    /// <summary>Whether text is waiting.</summary>
    public bool IsEmpty => _text.Length == 0;

    /// <summary>Whether the buffer holds text of a stream other than <paramref name="name"/>.</summary>
    public bool HoldsOther(string name) => !IsEmpty && !string.Equals(_name, name, StringComparison.Ordinal);

    /// <summary>Whether the buffer should be delivered now.</summary>
    public bool IsFull => _text.Length >= Threshold;

    /// <summary>Appends text of stream <paramref name="name"/> (the buffer must be empty or hold the same stream).</summary>
    public void Append(string name, ReadOnlySpan<char> text)
    {
        _name = name;
        _text.Append(text);
    }

    /// <summary>The waiting text as one event, emptying the buffer; null when empty.</summary>
    public StreamEvent? Take()
    {
        if (IsEmpty)
        {
            return null;
        }

        var taken = new StreamEvent(_name, _text.ToString());
        _text.Clear();
        return taken;
    }
}
