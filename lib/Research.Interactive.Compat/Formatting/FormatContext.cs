namespace Microsoft.DotNet.Interactive.Formatting;

/// <summary>What a formatter registered with <see cref="Formatter.Register{T}(Func{T, FormatContext, bool}, string)"/> writes to.</summary>
/// <param name="writer">The writer the formatted text goes to.</param>
/// <remarks>One instance per formatting call; not thread-safe.</remarks>
public sealed class FormatContext(TextWriter writer)
{
    /// <summary>The writer the formatted text goes to.</summary>
    public TextWriter Writer { get; } = writer;
}
