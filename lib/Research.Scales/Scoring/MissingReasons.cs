namespace Research.Scales.Scoring;

/// <summary>
/// Missing-score reasons per row, built on first access: composing a sentence for every missing row of a million-row
/// survey would cost more than the scoring itself.
/// </summary>
internal sealed class MissingReasons(int rows) : IReadOnlyList<string?>
{
    private readonly Func<int, string>?[] builders = new Func<int, string>?[rows];

    public int Count => builders.Length;

    public string? this[int index] => builders[index]?.Invoke(index);

    public void Set(int row, Func<int, string> builder) => builders[row] = builder;

    public IEnumerator<string?> GetEnumerator()
    {
        for (var row = 0; row < builders.Length; row++)
        {
            yield return this[row];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
