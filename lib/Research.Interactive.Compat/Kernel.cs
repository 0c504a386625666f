namespace Microsoft.DotNet.Interactive;

/// <summary>
/// .NET Interactive's <c>Kernel</c> as notebooks use it: <see cref="Root"/> and <see cref="FindKernelByName"/> to ask
/// which kernels exist, and the input helpers <see cref="GetInputAsync"/> and <see cref="GetPasswordAsync"/>. Sending
/// commands to kernels (<c>SendAsync</c>) is not part of this surface: it is an extension-author API.
/// </summary>
public sealed class Kernel
{
    private Kernel(string name, IReadOnlyList<string> aliases)
    {
        Name = name;
        Aliases = aliases;
    }

    /// <summary>The composite kernel of the running notebook (named <c>.NET</c>, as in .NET Interactive).</summary>
    /// <exception cref="InvalidOperationException">Read outside a notebook cell.</exception>
    public static Kernel Root
    {
        get
        {
            _ = Running.Cell;
            return new Kernel(".NET", Array.Empty<string>());
        }
    }

    /// <summary>The kernel running the current cell.</summary>
    /// <exception cref="InvalidOperationException">Read outside a notebook cell.</exception>
    public static Kernel Current => For(Running.Cell, Running.Cell.KernelName)!;

    /// <summary>The kernel's name, e.g. <c>csharp</c>.</summary>
    public string Name { get; }

    /// <summary>Other names that select the kernel, e.g. <c>c#</c>.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The session's kernel named <paramref name="name"/> (or aliased so), or null when the host has none.</summary>
#pragma warning disable CA1822 // An instance method, as notebooks call it on Kernel.Root.
    public Kernel? FindKernelByName(string name) => For(Running.Cell, name);
#pragma warning restore CA1822

    /// <summary>
    /// Asks for a line of input: the front end's input box in the Jupyter kernel; a headless run answers from the
    /// parameter named <paramref name="prompt"/> (<c>-p "prompt=value"</c>) or fails the cell naming it.
    /// </summary>
    public static Task<string> GetInputAsync(string prompt = "") =>
        Running.Cell.GetInputAsync(prompt, isPassword: false, Running.Cell.CancellationToken);

    /// <summary>As <see cref="GetInputAsync"/>, for a secret: the front end hides what is typed.</summary>
    public static async Task<PasswordString> GetPasswordAsync(string prompt = "") =>
        new(await Running.Cell.GetInputAsync(prompt, isPassword: true, Running.Cell.CancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>The kernel named <paramref name="name"/> in <paramref name="cell"/>'s session, or null.</summary>
    internal static Kernel? For(Research.Notebooks.Execution.CellExecutionContext cell, string name)
    {
        var kernel = cell.Session.Kernels.Find(name);
        return kernel is null ? null : new Kernel(kernel.Name, kernel.Aliases);
    }
}
