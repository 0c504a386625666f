namespace Research.Notebooks.Editing;

/// <summary>
/// Editing help a kernel may offer a front end (Jupyter's <c>is_complete</c>, <c>complete</c> and <c>inspect</c>),
/// answered over the kernel's live state: what earlier cells declared is known. A kernel implements it next to
/// <see cref="Execution.IKernel"/>; a host asks whichever kernel a cell would run in. Positions are UTF-16 indices
/// into the code as given. Calls may come from any thread, also while a cell runs.
/// </summary>
public interface ILanguageServices
{
    /// <summary>Whether <paramref name="code"/> can run as it is, needs more lines, or cannot be fixed by adding lines.</summary>
    CodeCompleteness IsComplete(string code);

    /// <summary>The completions at <paramref name="position"/> and the span they replace.</summary>
    Task<CodeCompletions> CompleteAsync(string code, int position, CancellationToken cancellationToken);

    /// <summary>The signature and documentation of the symbol at (or just before) <paramref name="position"/>, or null when there is none.</summary>
    Task<SymbolHelp?> InspectAsync(string code, int position, CancellationToken cancellationToken);
}
