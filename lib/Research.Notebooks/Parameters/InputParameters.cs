namespace Research.Notebooks.Parameters;

/// <summary>
/// Sorts command-line parameters (<c>-p name=value</c>) into those the <c>parameters</c> cell declares and answers to
/// input prompts (<c>@input:name</c>, <c>@password:name</c>, <c>GetInputAsync("name")</c>). A name the cell does not
/// declare is an answer only when the notebook asks for input at all, so a misspelt parameter of an ordinary
/// notebook is still refused as unknown.
/// </summary>
public static class InputParameters
{
    // What a cell that asks for input contains (C#, F#, magics).
    private static readonly string[] InputMarkers = { "@input:", "@password:", "GetInputAsync", "GetPasswordAsync", "ReadLine" };

    /// <summary>Splits <paramref name="values"/> into values for the parameters cell and answers to prompts.</summary>
    public static (IReadOnlyList<KeyValuePair<string, string>> CellValues, IReadOnlyDictionary<string, string> Answers) Split(
        Notebook notebook, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(values);
        var code = notebook.Cells.Where(c => c.Type == CellType.Code).ToList();
        var parametersCell = code.FirstOrDefault(c => c.HasTag(ParameterInjector.ParametersTag));
        var declared = parametersCell is null
            ? new HashSet<string>(StringComparer.Ordinal)
            : ParameterDeclaration.Read(parametersCell.Source).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var asksForInput = code.Any(c => InputMarkers.Any(m => c.Source.Contains(m, StringComparison.Ordinal)));

        var cellValues = new List<KeyValuePair<string, string>>();
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (asksForInput && !declared.Contains(value.Key))
            {
                answers[value.Key] = value.Value;
            }
            else
            {
                cellValues.Add(value);
            }
        }

        return (cellValues, answers);
    }
}
