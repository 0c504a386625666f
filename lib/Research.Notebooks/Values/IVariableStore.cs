using Research.Notebooks.Execution;

namespace Research.Notebooks.Values;

/// <summary>
/// A kernel whose variables other kernels and magics can read and set: <c>#!share</c>, <c>#!set</c>,
/// <c>#!who</c>/<c>#!whos</c>. The C#, F# and value kernels implement it.
/// </summary>
public interface IVariableStore
{
    /// <summary>The variables visible to the next cell, one per name (the latest declaration), in declaration order.</summary>
    IReadOnlyList<KernelVariable> Variables { get; }

    /// <summary>The value of variable <paramref name="name"/>; false when there is none.</summary>
    bool TryGetValue(string name, out object? value);

    /// <summary>
    /// Whether a variable of exactly <paramref name="type"/> can be declared in this kernel (the type is public and its
    /// assembly can be referenced); when not, values cross as JSON (see <see cref="ValueTransfer"/>).
    /// </summary>
    bool CanDeclare(Type type);

    /// <summary>
    /// Declares (or redeclares) <paramref name="name"/> as a variable of <paramref name="declaredType"/> holding
    /// <paramref name="value"/>, visible to the following cells. Called while a cell of this session runs.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid variable name in this language.</exception>
    Task SetValueAsync(string name, object? value, Type declaredType, CellExecutionContext context, CancellationToken cancellationToken);
}
