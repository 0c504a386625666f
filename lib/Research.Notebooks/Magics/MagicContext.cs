using Research.Notebooks.Execution;
using Research.Notebooks.Sessions;
using Research.Notebooks.Values;

namespace Research.Notebooks.Magics;

/// <summary>What a magic command works with: the session, the running cell, the kernel of the cell's segment, and a way to run more code in the cell (<c>#!import</c>).</summary>
/// <param name="Session">The session.</param>
/// <param name="Cell">The running cell.</param>
/// <param name="Kernel">The kernel the magic's segment runs in.</param>
/// <param name="RunCode">Runs code (split at selectors, magics included) in the running cell, with the kernel of text before any selector and the files being imported.</param>
/// <param name="Imports">The files being imported (to refuse a cycle).</param>
internal sealed record MagicContext(NotebookSession Session, CellExecutionContext Cell, IKernel Kernel, Func<string, string, IReadOnlySet<string>, Task> RunCode, IReadOnlySet<string> Imports)
{
    /// <summary>The variables of the segment's kernel.</summary>
    /// <exception cref="MagicCommandException">The kernel has no variables.</exception>
    public IVariableStore Target(MagicLine line) =>
        Kernel as IVariableStore ?? throw new MagicCommandException($"#!{line.Command} needs a kernel with variables; '{Kernel.Name}' has none.", line.LineNumber);

    /// <summary>The variables of kernel <paramref name="name"/> (a name or alias), started if need be.</summary>
    /// <exception cref="MagicCommandException">No such kernel, or it has no variables.</exception>
    public async Task<IVariableStore> StoreAsync(string name, MagicLine line)
    {
        var canonical = Session.Selectors.TryResolve(name, out var resolved) ? resolved : name;
        if (Session.Kernels.Find(canonical) is not { } kernel)
        {
            var known = string.Join(", ", Session.Kernels.Kernels.OfType<IVariableStore>().Cast<IKernel>().Select(k => k.Name));
            throw new MagicCommandException($"#!{line.Command}: there is no kernel '{name}' (kernels with variables: {known}).", line.LineNumber);
        }

        if (kernel is not IVariableStore store)
        {
            throw new MagicCommandException($"#!{line.Command}: kernel '{kernel.Name}' has no variables.", line.LineNumber);
        }

        await kernel.ReadyAsync(Cell.CancellationToken);
        return store;
    }
}
