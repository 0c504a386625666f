using System.Collections;
using System.Globalization;
using Research.Data.Tables;

namespace Research.Analysis.Surveys;

/// <summary>
/// The label <c>person wN</c> of each selected survey row, written when read: scoring reads a label only for an answer it
/// reports as out of range, and a national report otherwise wrote close to a million of them.
/// </summary>
/// <remarks>Immutable; safe for any number of readers.</remarks>
internal sealed class SurveyRowLabels(StringColumn ids, ValueColumn<long> waves, IReadOnlyList<int> rows) : IReadOnlyList<string>
{
    /// <inheritdoc />
    public int Count => rows.Count;

    /// <inheritdoc />
    public string this[int index] => string.Create(CultureInfo.InvariantCulture, $"{ids[rows[index]]} w{waves[rows[index]]}");

    /// <inheritdoc />
    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
