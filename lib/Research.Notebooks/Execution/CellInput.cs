namespace Research.Notebooks.Execution;

/// <summary>
/// The console input of one cell: <c>Console.ReadLine()</c> asks the host for a line; <c>Console.Read()</c> and
/// <c>Peek()</c> serve the characters of a line, asking for the next when it is used up. Read by one thread at a time.
/// </summary>
internal sealed class CellInput(Func<string> askLine)
{
    private string _line = string.Empty;
    private int _next;

    /// <summary>The rest of a line <see cref="Read"/> started, or a new line from the host.</summary>
    public string ReadLine()
    {
        if (_next < _line.Length)
        {
            var rest = _line[_next..^1];
            _next = _line.Length;
            return rest;
        }

        return askLine();
    }

    /// <summary>The next character (the line's end as <c>\n</c>), consumed unless <paramref name="peek"/>.</summary>
    public int Read(bool peek)
    {
        if (_next >= _line.Length)
        {
            _line = askLine() + "\n";
            _next = 0;
        }

        return peek ? _line[_next] : _line[_next++];
    }
}
