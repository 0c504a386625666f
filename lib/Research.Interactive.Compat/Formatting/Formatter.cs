using Research.Notebooks.Execution;
using Research.Notebooks.Formatting;

namespace Microsoft.DotNet.Interactive.Formatting;

/// <summary>
/// .NET Interactive's <c>Formatter</c> as notebooks call it, acting on the running notebook's formatters: a
/// registration lasts for the rest of that notebook's run (not the process, unlike .NET Interactive's static
/// registry), and <see cref="ResetToDefault"/> removes what the notebook registered.
/// </summary>
public static class Formatter
{
    /// <summary>The default MIME type of a registration, as in .NET Interactive.</summary>
    public const string DefaultMimeType = "text/plain";

    /// <summary>How many items of a sequence are shown before the rest is elided (20 by default).</summary>
    public static int ListExpansionLimit
    {
        get => Running.Cell.FormatContext.ListLimit;
        set => Running.Cell.FormatContext.ListLimit = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "the limit cannot be negative.");
    }

    /// <summary>Writes values of <typeparamref name="T"/> (and its subtypes) as <paramref name="mimeType"/> with <paramref name="formatter"/>.</summary>
    public static void Register<T>(Action<T, TextWriter> formatter, string mimeType = DefaultMimeType)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Register(typeof(T), (value, writer) => formatter((T)value, writer), mimeType);
    }

    /// <summary>Shows values of <typeparamref name="T"/> (and its subtypes) as the text <paramref name="formatter"/> returns, as <paramref name="mimeType"/>.</summary>
    public static void Register<T>(Func<T, string> formatter, string mimeType = DefaultMimeType)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Register(typeof(T), (value, writer) => writer.Write(formatter((T)value)), mimeType);
    }

    /// <summary>
    /// Shows values of <typeparamref name="T"/> (and its subtypes) as what <paramref name="formatter"/> writes to the
    /// context's <see cref="FormatContext.Writer"/>, as <paramref name="mimeType"/>; a formatter that returns false
    /// declines, and the value keeps its built-in form.
    /// </summary>
    public static void Register<T>(Func<T, FormatContext, bool> formatter, string mimeType = DefaultMimeType)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        Running.Cell.Formatters.RegisterMimeType(typeof(T), mimeType, (value, _) =>
        {
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            return formatter((T)value, new FormatContext(writer)) ? writer.ToString() : null;
        });
    }

    /// <summary>
    /// Writes values of <paramref name="type"/> as <paramref name="mimeType"/>; <paramref name="type"/> may be an open
    /// generic type (<c>typeof(List&lt;&gt;)</c>) or an interface.
    /// </summary>
    public static void Register(Type type, Action<object, TextWriter> formatter, string mimeType = DefaultMimeType)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(formatter);
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        Running.Cell.Formatters.RegisterMimeType(type, mimeType, (value, _) =>
        {
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            formatter(value, writer);
            return writer.ToString();
        });
    }

    /// <summary>Shows values of <paramref name="type"/> (and subtypes) only as <paramref name="preferredMimeTypes"/> (plus <c>text/plain</c>).</summary>
    public static void SetPreferredMimeTypesFor(Type type, params string[] preferredMimeTypes)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(preferredMimeTypes);
        Running.Cell.Formatters.SetPreferredMimeTypes(type, preferredMimeTypes);
    }

    /// <summary>Removes every formatter and preference the notebook registered and restores the list limit.</summary>
    public static void ResetToDefault()
    {
        var cell = Running.Cell;
        cell.Formatters.ResetNotebookFormatters();
        cell.FormatContext.ListLimit = new Research.Notebooks.Formatting.FormatContext().ListLimit;
    }

    /// <summary>The text of <paramref name="value"/> as the notebook shows it as <paramref name="mimeType"/> (plain text by default).</summary>
    public static string ToDisplayString(this object? value, string mimeType = DefaultMimeType)
    {
        var cell = CellExecutionContext.Current;
        if (cell is null)
        {
            return value?.ToString() ?? FormatterRegistry.NullText;
        }

        var bundle = cell.Formatters.Format(value, cell.FormatContext);
        return bundle.GetText(mimeType) ?? bundle.GetText(DefaultMimeType) ?? string.Empty;
    }
}
