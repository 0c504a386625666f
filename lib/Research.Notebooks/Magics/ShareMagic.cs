namespace Research.Notebooks.Magics;

/// <summary>
/// <c>#!share [--name] VARIABLE --from KERNEL [--as NAME] [--mime-type M]</c>: declares in the cell's kernel a
/// variable holding the value of another kernel's variable (or a <c>#!value</c>), as the .NET object when this kernel
/// can hold its type, otherwise as JSON; with <c>--mime-type</c>, as that representation's text.
/// </summary>
internal static class ShareMagic
{
    public static async Task RunAsync(MagicLine line, MagicContext context)
    {
        var target = context.Target(line);
        var name = line.Option("--name") ?? (line.Positional.Count > 0 ? line.Positional[0] : null)
                   ?? throw new MagicCommandException("#!share needs the name of the variable to share.", line.LineNumber);
        var from = line.Required("--from");
        var source = await context.StoreAsync(from, line);
        if (!source.TryGetValue(name, out var value))
        {
            throw new MagicCommandException($"#!share: kernel '{from}' has no variable '{name}'.", line.LineNumber);
        }

        var (shared, type) = SetMagic.Transfer(value, target, line.Option("--mime-type"), context, line);
        await SetMagic.Declare(target, line.Option("--as") ?? name, shared, type, line, context);
    }
}
