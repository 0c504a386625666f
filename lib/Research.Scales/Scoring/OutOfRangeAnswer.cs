namespace Research.Scales.Scoring;

/// <summary>An answer outside the item's valid range. It is treated as missing for scoring, never clipped.</summary>
/// <param name="Row">Row index in the scored responses.</param>
/// <param name="RowLabel">The row's label when the responses carry labels.</param>
/// <param name="Column">The item column.</param>
/// <param name="Answer">The recorded answer.</param>
/// <param name="Minimum">Smallest valid answer.</param>
/// <param name="Maximum">Largest valid answer.</param>
public sealed record OutOfRangeAnswer(int Row, string? RowLabel, string Column, int Answer, int Minimum, int Maximum)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{RowLabel ?? $"row {Row}"}: {Column} = {Answer} is outside {Minimum}–{Maximum}";
}
