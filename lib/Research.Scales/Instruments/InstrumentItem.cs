namespace Research.Scales.Instruments;

/// <summary>One item of an instrument: its survey column, valid answer range, keying and subscales.</summary>
public sealed class InstrumentItem
{
    /// <summary>Creates an item; <see cref="InstrumentReader"/> checks consistency.</summary>
    public InstrumentItem(
        string column,
        int? number,
        string? topic,
        int minimum,
        int maximum,
        bool reverse,
        IReadOnlyDictionary<int, double>? recode,
        IReadOnlyList<string> subscales,
        IReadOnlyDictionary<int, string> anchors,
        Basis basis)
    {
        Column = column;
        Number = number;
        Topic = topic;
        Minimum = minimum;
        Maximum = maximum;
        Reverse = reverse;
        Recode = recode;
        Subscales = subscales;
        Anchors = anchors;
        Basis = basis;
    }

    /// <summary>The survey column name, e.g. <c>who5_1</c>.</summary>
    public string Column { get; }

    /// <summary>Item number in the source questionnaire, if declared.</summary>
    public int? Number { get; }

    /// <summary>Paraphrased item content.</summary>
    public string? Topic { get; }

    /// <summary>Smallest valid raw answer.</summary>
    public int Minimum { get; }

    /// <summary>Largest valid raw answer.</summary>
    public int Maximum { get; }

    /// <summary>Whether the item is scored as (minimum + maximum) − answer.</summary>
    public bool Reverse { get; }

    /// <summary>Scored value per raw answer (RAND-36 0–100 recode, De Jong Gierveld dichotomisation), or null.</summary>
    public IReadOnlyDictionary<int, double>? Recode { get; }

    /// <summary>Names of the subscales the item belongs to.</summary>
    public IReadOnlyList<string> Subscales { get; }

    /// <summary>Answer labels per raw code (item-specific, else the instrument's response scale).</summary>
    public IReadOnlyDictionary<int, string> Anchors { get; }

    /// <summary>Provenance of item-specific facts (wording, keying), if declared.</summary>
    public Basis Basis { get; }

    /// <summary>Whether <paramref name="answer"/> lies in [<see cref="Minimum"/>, <see cref="Maximum"/>].</summary>
    public bool IsInRange(int answer) => answer >= Minimum && answer <= Maximum;

    /// <summary>The scored value of a valid raw answer (after reverse keying or recoding).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The answer is outside the item's range.</exception>
    public double Score(int answer)
    {
        if (!IsInRange(answer))
        {
            throw new ArgumentOutOfRangeException(nameof(answer), answer,
                $"Item {Column}: answer {answer} is outside the valid range {Minimum}–{Maximum}.");
        }

        if (Recode is not null)
        {
            return Recode[answer];
        }

        return Reverse ? Minimum + Maximum - answer : answer;
    }
}
