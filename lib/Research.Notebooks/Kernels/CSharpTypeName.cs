using System.Text;

namespace Research.Notebooks.Kernels;

/// <summary>
/// How a runtime type is written in C# source, for declaring a shared variable (<c>#!share</c>, <c>#!set</c>): a
/// fully qualified, <c>global::</c>-rooted name with generic arguments, or the simple name for a type a C# cell
/// declared (script types are nested in their submission class). Null when C# cannot name the type (not public, a
/// generic parameter, a pointer).
/// </summary>
internal static class CSharpTypeName
{
    private const string SubmissionPrefix = "Submission#";

    /// <summary>The C# name of <paramref name="type"/>, or null when it has none a cell could write.</summary>
    public static string? Of(Type type)
    {
        if (type.IsArray)
        {
            return Of(type.GetElementType()!) is { } element ? element + "[" + new string(',', type.GetArrayRank() - 1) + "]" : null;
        }

        if (type.IsGenericParameter || type.IsPointer || type.IsByRef || !IsPublic(type))
        {
            return null;
        }

        var arguments = type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes;
        var names = arguments.Select(Of).ToList();
        if (names.Any(n => n is null))
        {
            return null;
        }

        return Write(type, names!, names.Count);
    }

    /// <summary>Whether <paramref name="type"/> was declared by a C# cell (nested in a Roslyn submission class).</summary>
    public static bool IsScriptType(Type type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
        {
            if (t.DeclaringType is { } outer && outer.Name.StartsWith(SubmissionPrefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Writes the type with the last `count` of `arguments` belonging to it and its declaring types (C# spreads the
    // arguments of Outer<A>.Inner<B> over the nesting levels).
    private static string Write(Type type, IReadOnlyList<string> arguments, int count)
    {
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        var own = definition.GetGenericArguments().Length - (definition.DeclaringType?.GetGenericArguments().Length ?? 0);
        var name = new StringBuilder();
        if (definition.DeclaringType is { } outer)
        {
            if (!outer.Name.StartsWith(SubmissionPrefix, StringComparison.Ordinal))
            {
                name.Append(Write(outer, arguments, count - own)).Append('.');
            }
        }
        else
        {
            name.Append("global::");
            if (!string.IsNullOrEmpty(definition.Namespace))
            {
                name.Append(definition.Namespace).Append('.');
            }
        }

        var simple = definition.Name;
        var tick = simple.IndexOf('`', StringComparison.Ordinal);
        name.Append(tick < 0 ? simple : simple[..tick]);
        if (own > 0)
        {
            name.Append('<').AppendJoin(", ", arguments.Skip(count - own).Take(own)).Append('>');
        }

        return name.ToString();
    }

    // Public all the way out, or declared by a cell (the kernel names those by their simple name, whatever their accessibility).
    private static bool IsPublic(Type type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
        {
            if (t.DeclaringType is { } outer && outer.Name.StartsWith(SubmissionPrefix, StringComparison.Ordinal))
            {
                return true;
            }

            if (!(t.IsPublic || t.IsNestedPublic))
            {
                return false;
            }
        }

        return true;
    }
}
