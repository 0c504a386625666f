using System.Collections;
using System.Globalization;
using System.Reflection;

namespace Research.Notebooks.Formatting;

/// <summary>
/// Turns values into <see cref="MimeBundle"/>s. A formatter is registered per type; the most derived registered
/// class wins, then the most recently registered matching interface, then <see cref="IHtmlFormattable"/> or the
/// <c>ToHtml()</c> convention, then sequences, then <c>ToString()</c>. Every bundle has <c>text/plain</c>.
/// </summary>
public sealed class FormatterRegistry
{
    private readonly Dictionary<Type, Func<object, FormatContext, MimeBundle>> _byClass = new();
    private readonly List<(Type Type, Func<object, FormatContext, MimeBundle> Format)> _byInterface = new();

    /// <summary>The text shown for null.</summary>
    public const string NullText = "<null>";

    /// <summary>A registry with the built-in formatters (see <see cref="BuiltInFormatters"/>).</summary>
    public static FormatterRegistry CreateDefault()
    {
        var registry = new FormatterRegistry();
        BuiltInFormatters.RegisterAll(registry);
        return registry;
    }

    /// <summary>Registers the formatter for <typeparamref name="T"/> (and subtypes without their own), replacing any earlier one.</summary>
    public void Register<T>(Func<T, FormatContext, MimeBundle> formatter) =>
        Register(typeof(T), (value, context) => formatter((T)value, context));

    /// <summary>Registers the formatter for <paramref name="type"/> (a class, struct or interface).</summary>
    public void Register(Type type, Func<object, FormatContext, MimeBundle> formatter)
    {
        if (type.IsInterface)
        {
            _byInterface.RemoveAll(e => e.Type == type);
            _byInterface.Add((type, formatter));
        }
        else
        {
            _byClass[type] = formatter;
        }
    }

    /// <summary>Formats <paramref name="value"/>; the result always contains <c>text/plain</c>.</summary>
    public MimeBundle Format(object? value, FormatContext context)
    {
        if (value is null)
        {
            return new MimeBundle().Set(MimeBundle.PlainText, NullText);
        }

        var bundle = FindFormatter(value.GetType())(value, context);
        if (!bundle.Contains(MimeBundle.PlainText))
        {
            bundle.Set(MimeBundle.PlainText, PlainText(value, context));
        }

        return bundle;
    }

    /// <summary>The plain-text form of <paramref name="value"/> as this registry renders it.</summary>
    public string PlainText(object? value, FormatContext context) => value switch
    {
        null => NullText,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => FindFormatter(value.GetType())(value, context).GetText(MimeBundle.PlainText) ?? value.ToString() ?? string.Empty,
    };

    private Func<object, FormatContext, MimeBundle> FindFormatter(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (_byClass.TryGetValue(t, out var formatter))
            {
                return formatter;
            }

            if (t.IsGenericType && _byClass.TryGetValue(t.GetGenericTypeDefinition(), out var generic))
            {
                return generic;
            }
        }

        for (var i = _byInterface.Count - 1; i >= 0; i--)
        {
            if (_byInterface[i].Type.IsAssignableFrom(type))
            {
                return _byInterface[i].Format;
            }
        }

        if (ToHtmlMethod(type) is { } toHtml)
        {
            return (value, _) => new MimeBundle()
                .Set(MimeBundle.Html, (string?)toHtml.Invoke(value, null) ?? string.Empty)
                .Set(MimeBundle.PlainText, value.ToString() ?? string.Empty);
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            return (value, context) => BuiltInFormatters.Sequence(this, (IEnumerable)value, context);
        }

        return (value, _) => new MimeBundle().Set(MimeBundle.PlainText, value.ToString() ?? string.Empty);
    }

    private static MethodInfo? ToHtmlMethod(Type type)
    {
        if (typeof(IHtmlFormattable).IsAssignableFrom(type))
        {
            return typeof(IHtmlFormattable).GetMethod(nameof(IHtmlFormattable.ToHtml));
        }

        var method = type.GetMethod("ToHtml", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        return method?.ReturnType == typeof(string) ? method : null;
    }
}
