using System.Collections;
using System.Globalization;
using System.Reflection;

namespace Research.Notebooks.Formatting;

/// <summary>
/// Turns values into <see cref="MimeBundle"/>s. A formatter is registered per type; the most derived registered
/// class wins, then the most recently registered matching interface, then <see cref="IMimeFormattable"/>,
/// <see cref="IHtmlFormattable"/> or the <c>ToHtml()</c> convention, then sequences, then <c>ToString()</c>. A
/// <see cref="MimeBundle"/> shows as itself. Every bundle has <c>text/plain</c>.
/// </summary>
/// <remarks>
/// On top of that, a notebook may register one representation of a type (<see cref="RegisterMimeType"/>, what
/// .NET Interactive's <c>Formatter.Register&lt;T&gt;(…, mimeType)</c> does) and the representations shown for a type
/// (<see cref="SetPreferredMimeTypes"/>); the most specific registration for the value's type wins, the latest among
/// equals. <see cref="ResetNotebookFormatters"/> removes both kinds. Registration and formatting may happen on
/// different threads (a display update from a background task): the registry locks.
/// </remarks>
public sealed class FormatterRegistry
{
    private readonly Dictionary<Type, Func<object, FormatContext, MimeBundle>> _byClass = new();
    private readonly List<(Type Type, Func<object, FormatContext, MimeBundle> Format)> _byInterface = new();
    private readonly List<(Type Type, string MimeType, Func<object, FormatContext, string?> Format)> _byMimeType = new();
    private readonly List<(Type Type, IReadOnlyCollection<string> MimeTypes)> _preferred = new();
    private readonly object _gate = new();

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

    /// <summary>
    /// Registers how values of <paramref name="type"/> (a class, struct, interface or generic type definition, and
    /// their subtypes) are written as <paramref name="mimeType"/>; that representation replaces the built-in one, unless
    /// the formatter returns null for a value (it declines, and the built-in form stays).
    /// </summary>
    public void RegisterMimeType(Type type, string mimeType, Func<object, FormatContext, string?> formatter)
    {
        lock (_gate)
        {
            _byMimeType.Add((type, mimeType, formatter));
        }
    }

    /// <summary>Shows values of <paramref name="type"/> (and subtypes) only as <paramref name="mimeTypes"/> (plus <c>text/plain</c>).</summary>
    public void SetPreferredMimeTypes(Type type, IReadOnlyCollection<string> mimeTypes)
    {
        lock (_gate)
        {
            _preferred.Add((type, mimeTypes.ToList()));
        }
    }

    /// <summary>The representations shown for <paramref name="type"/>, when a notebook chose them; otherwise null.</summary>
    public IReadOnlyCollection<string>? PreferredMimeTypes(Type type)
    {
        lock (_gate)
        {
            return MostSpecific(_preferred, p => p.Type, type)?.MimeTypes;
        }
    }

    /// <summary>Removes every representation and preference a notebook registered, keeping the built-in formatters.</summary>
    public void ResetNotebookFormatters()
    {
        lock (_gate)
        {
            _byMimeType.Clear();
            _preferred.Clear();
        }
    }

    /// <summary>Formats <paramref name="value"/>; the result always contains <c>text/plain</c>.</summary>
    public MimeBundle Format(object? value, FormatContext context)
    {
        if (value is null)
        {
            return new MimeBundle().Set(MimeBundle.PlainText, NullText);
        }

        var type = value.GetType();
        var bundle = value is MimeBundle given ? given.Copy() : FindFormatter(type)(value, context);
        List<(string MimeType, Func<object, FormatContext, string?> Format)> registered;
        IReadOnlyCollection<string>? preferred;
        lock (_gate)
        {
            registered = _byMimeType.Select(r => r.MimeType).Distinct(StringComparer.Ordinal)
                .Select(mime => MostSpecific(_byMimeType.Where(r => r.MimeType == mime).ToList(), r => r.Type, type))
                .Where(r => r is not null)
                .Select(r => (r!.Value.MimeType, r.Value.Format))
                .ToList();
            preferred = MostSpecific(_preferred, p => p.Type, type)?.MimeTypes;
        }

        // A registered formatter that returns null declines: the value keeps its built-in form for that MIME type.
        foreach (var (mimeType, format) in registered)
        {
            if (format(value, context) is { } text)
            {
                bundle.Set(mimeType, text);
            }
        }

        if (preferred is not null)
        {
            foreach (var mime in bundle.MimeTypes.Where(m => m != MimeBundle.PlainText && !preferred.Contains(m)).ToList())
            {
                bundle.Remove(mime);
            }
        }

        if (!bundle.Contains(MimeBundle.PlainText))
        {
            bundle.Set(MimeBundle.PlainText, PlainText(value, context));
        }

        return bundle;
    }

    // The entry whose type is closest to `type`: the nearest class in its base chain (a generic type definition matches
    // its constructions), then interfaces; the latest entry among equals. Null when none applies.
    private static T? MostSpecific<T>(IReadOnlyList<T> entries, Func<T, Type> typeOf, Type type)
        where T : struct
    {
        T? best = null;
        var bestDistance = int.MaxValue;
        foreach (var entry in entries)
        {
            var distance = Distance(typeOf(entry), type);
            if (distance <= bestDistance && distance != int.MaxValue)
            {
                (best, bestDistance) = (entry, distance);
            }
        }

        return best;
    }

    private static int Distance(Type registered, Type type)
    {
        var depth = 0;
        for (var t = type; t is not null; t = t.BaseType, depth++)
        {
            if (Matches(registered, t))
            {
                return t == typeof(object) ? 2000 : depth;
            }
        }

        return registered.IsInterface && (registered.IsAssignableFrom(type) || type.GetInterfaces().Any(i => Matches(registered, i))) ? 1000 : int.MaxValue;
    }

    private static bool Matches(Type registered, Type candidate) =>
        registered == candidate || (registered.IsGenericTypeDefinition && candidate.IsGenericType && candidate.GetGenericTypeDefinition() == registered);

    /// <summary>The plain-text form of <paramref name="value"/> as this registry renders it.</summary>
    public string PlainText(object? value, FormatContext context)
    {
        if (value is null or string)
        {
            return (string?)value ?? NullText;
        }

        if (Registered(value.GetType(), MimeBundle.PlainText) is { } registered && registered(value, context) is { } text)
        {
            return text;
        }

        return value is IFormattable f
            ? f.ToString(null, CultureInfo.InvariantCulture)
            : FindFormatter(value.GetType())(value, context).GetText(MimeBundle.PlainText) ?? value.ToString() ?? string.Empty;
    }

    /// <summary>The HTML of <paramref name="value"/> to nest in a larger display (a table cell): its HTML, else its encoded plain text.</summary>
    public string NestedHtml(object? value, FormatContext context)
    {
        var bundle = Format(value, context);
        return bundle.GetText(MimeBundle.Html) ?? System.Net.WebUtility.HtmlEncode(bundle.GetText(MimeBundle.PlainText) ?? string.Empty);
    }

    /// <summary>Whether a formatter for <paramref name="mimeType"/> was registered for <paramref name="type"/> (or a type it derives from).</summary>
    internal bool HasFormatter(Type type, string mimeType) => Registered(type, mimeType) is not null;

    private Func<object, FormatContext, string?>? Registered(Type type, string mimeType)
    {
        lock (_gate)
        {
            return MostSpecific(_byMimeType.Where(r => r.MimeType == mimeType).ToList(), r => r.Type, type)?.Format;
        }
    }

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

        if (typeof(IMimeFormattable).IsAssignableFrom(type))
        {
            return (value, context) => ((IMimeFormattable)value).ToMimeBundle(context);
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

        if (ObjectTree.Members(type) is { Count: > 0 } members)
        {
            return (value, context) =>
            {
                var bundle = new MimeBundle().Set(MimeBundle.PlainText, value.ToString() ?? string.Empty);
                return context.Nesting >= ObjectTree.MaxDepth ? bundle : bundle.Set(MimeBundle.Html, ObjectTree.Html(this, value, members, context));
            };
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
