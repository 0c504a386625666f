using Research.Notebooks.Sessions;
using Research.Notebooks.Values;

namespace Research.Notebooks.Magics;

/// <summary>
/// <c>#!set --name N --value V [--mime-type M] [--byref]</c>: declares <c>N</c> in the cell's kernel. <c>V</c> is a
/// literal (a string; parsed when <c>--mime-type</c> is a JSON type), <c>@kernel:variable</c> (another kernel's
/// variable, crossing as <see cref="ValueTransfer"/> says; <c>--byref</c> insists on the .NET object), or an input
/// token (<c>@input:…</c>, <c>@password:…</c>), answered by the front end or, headless, by the parameter named <c>N</c>.
/// </summary>
internal static class SetMagic
{
    public static async Task RunAsync(MagicLine line, MagicContext context)
    {
        var target = context.Target(line);
        var name = line.Required("--name");
        var text = line.Required("--value");
        var mimeType = line.Option("--mime-type");
        var (value, type) = await ValueAsync(line, context, target, name, text, mimeType);
        await Declare(target, name, value, type, line, context);
    }

    /// <summary>Declares the variable, turning a name the kernel refuses into a magic failure.</summary>
    public static async Task Declare(IVariableStore target, string name, object? value, Type type, MagicLine line, MagicContext context)
    {
        try
        {
            await target.SetValueAsync(name, value, type, context.Cell, context.Cell.CancellationToken);
        }
        catch (ArgumentException e)
        {
            throw new MagicCommandException($"#!{line.Command}: {e.Message}", line.LineNumber);
        }
    }

    private static async Task<(object? Value, Type Type)> ValueAsync(MagicLine line, MagicContext context, IVariableStore target, string name, string text, string? mimeType)
    {
        if (InputToken.TryParse(text, line.LineNumber) is { } input)
        {
            var answer = await Ask(context, input, input.FieldName(name), line);
            return mimeType is null ? (answer, typeof(string)) : Parse(answer, mimeType, line);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (text.StartsWith('@') && colon > 1)
        {
            var source = await context.StoreAsync(text[1..colon], line);
            var variable = text[(colon + 1)..];
            if (!source.TryGetValue(variable, out var value))
            {
                throw new MagicCommandException($"#!set: kernel '{text[1..colon]}' has no variable '{variable}'.", line.LineNumber);
            }

            if (line.Has("--byref") && value is not null && !target.CanDeclare(value.GetType()))
            {
                throw new MagicCommandException(
                    $"#!set --byref: a value of type {value.GetType()} cannot be shared by reference with '{context.Kernel.Name}'; leave out --byref to share it as JSON.",
                    line.LineNumber);
            }

            return Transfer(value, target, mimeType, context, line);
        }

        return mimeType is null ? (text, typeof(string)) : Parse(text, mimeType, line);
    }

    /// <summary>Asks for an input token's value, turning a refusal into a failure of the magic's line.</summary>
    public static async Task<string> Ask(MagicContext context, InputToken input, string? field, MagicLine line)
    {
        try
        {
            return await context.Cell.GetInputAsync(new InputRequest(input.Prompt, input.IsPassword) { Name = field });
        }
        catch (InputNotAvailableException e)
        {
            throw new MagicCommandException(e.Message, line.LineNumber);
        }
    }

    /// <summary>The value as it crosses to the target, turning a missing representation into a magic failure.</summary>
    public static (object? Value, Type Type) Transfer(object? value, IVariableStore target, string? mimeType, MagicContext context, MagicLine line)
    {
        try
        {
            return ValueTransfer.ForTarget(value, target, mimeType, context.Session.Formatters, context.Session.FormatContext);
        }
        catch (InvalidOperationException e)
        {
            throw new MagicCommandException($"#!{line.Command}: {e.Message}", line.LineNumber);
        }
    }

    private static (object? Value, Type Type) Parse(string text, string mimeType, MagicLine line)
    {
        try
        {
            return ValueTransfer.FromText(text, mimeType);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new MagicCommandException($"#!{line.Command}: the value is not valid JSON although --mime-type says {mimeType}: {e.Message}", line.LineNumber);
        }
    }
}
