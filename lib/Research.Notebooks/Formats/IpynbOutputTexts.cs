using System.Runtime.CompilerServices;

namespace Research.Notebooks;

/// <summary>
/// The nbformat text of cell outputs already written, by output (reference, not value), so that saving a notebook after
/// every cell of a run (<see cref="NotebookFile.Save(Notebook, string, IpynbOutputTexts)"/>) serializes each output once.
/// </summary>
/// <remarks>
/// Outputs are immutable records, but the <see cref="MimeBundle"/> and metadata object inside one are not: use one of
/// these only where an output is never changed once it is in a cell, as the runner's recorder does (it replaces an
/// output to update it). An output no cell holds any more is forgotten with it. Thread-safe.
/// </remarks>
public sealed class IpynbOutputTexts
{
    private readonly ConditionalWeakTable<CellOutput, string> _texts = new();

    internal string GetOrAdd(CellOutput output, Func<CellOutput, string> write) => _texts.GetValue(output, o => write(o));
}
