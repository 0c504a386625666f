namespace Research.Scales.Instruments;

/// <summary>An instrument declaration is malformed; names the file and the offending field (JSON pointer).</summary>
public sealed class InstrumentFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InstrumentFormatException(string file, string field, string problem, Exception? inner = null)
        : base($"{file}: {(field.Length == 0 ? "(document)" : field)}: {problem}", inner)
    {
        File = file;
        Field = field;
        Problem = problem;
    }

    /// <summary>The file (or name given to <see cref="Instrument.Parse"/>).</summary>
    public string File { get; }

    /// <summary>JSON pointer of the offending field, e.g. <c>/items/2/recode</c>; empty for the whole document.</summary>
    public string Field { get; }

    /// <summary>What is wrong and what was expected.</summary>
    public string Problem { get; }
}
