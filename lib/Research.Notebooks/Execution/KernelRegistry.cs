namespace Research.Notebooks.Execution;

/// <summary>The kernels of one run, looked up by canonical name or alias (ordinal, as in cell separators).</summary>
public sealed class KernelRegistry
{
    private readonly Dictionary<string, IKernel> _byName = new(StringComparer.Ordinal);
    private readonly List<IKernel> _kernels = new();

    /// <summary>The registered kernels.</summary>
    public IReadOnlyList<IKernel> Kernels => _kernels;

    /// <summary>Adds a kernel; throws when its name or an alias is taken.</summary>
    public void Add(IKernel kernel)
    {
        foreach (var name in kernel.Aliases.Prepend(kernel.Name))
        {
            if (_byName.ContainsKey(name))
            {
                throw new ArgumentException($"kernel name or alias '{name}' is already registered.", nameof(kernel));
            }
        }

        _kernels.Add(kernel);
        foreach (var name in kernel.Aliases.Prepend(kernel.Name))
        {
            _byName[name] = kernel;
        }
    }

    /// <summary>The kernel for <paramref name="nameOrAlias"/>, or null when this host has none.</summary>
    public IKernel? Find(string nameOrAlias) => _byName.GetValueOrDefault(nameOrAlias);
}
