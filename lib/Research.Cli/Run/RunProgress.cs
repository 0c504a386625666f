using System.Globalization;
using Research.Notebooks.Execution;

namespace Research.Cli.Run;

/// <summary>
/// Shows cell progress on stderr: one line rewritten in place on a terminal, one plain line per cell otherwise
/// (CI logs). Reports arrive synchronously from the runner, so lines never interleave.
/// </summary>
internal sealed class RunProgress(TextWriter writer, bool interactive) : IProgress<CellProgress>
{
    private int _lastWidth;

    /// <inheritdoc />
    public void Report(CellProgress value)
    {
        var status = value switch
        {
            { Finished: false } => "running",
            { Failure: null } => "ok",
            { Failure.Kind: CellFailureKind.Timeout } => "timed out",
            { Failure.Kind: CellFailureKind.Cancelled } => "cancelled",
            _ => "failed",
        };
        var line = string.Create(CultureInfo.InvariantCulture,
            $"cell {value.CellNumber}/{value.CellCount} {status}{(value.Finished ? $" ({value.Elapsed.TotalMilliseconds:0} ms)" : string.Empty)}");
        if (interactive)
        {
            writer.Write("\r" + line.PadRight(_lastWidth));
            _lastWidth = line.Length;
        }
        else if (value.Finished)
        {
            writer.WriteLine(line);
        }
    }

    /// <summary>Ends the in-place line on a terminal.</summary>
    public void Complete()
    {
        if (interactive && _lastWidth > 0)
        {
            writer.Write("\r" + new string(' ', _lastWidth) + "\r");
        }
    }
}
