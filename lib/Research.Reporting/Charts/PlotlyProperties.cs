using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Research.Reporting.Charts;

/// <summary>
/// Sets a member of a Plotly object (a trace, a layout) exactly as <c>DynamicObj.SetProperty</c> does, without its
/// reflection on every call.
/// </summary>
/// <remarks>
/// <c>SetProperty</c> first looks for a public property of that name on the object's type and interfaces, building
/// property helpers for all of them each time; only then does it store the value in the object's dictionary. A report
/// sets tens of thousands of members, and that lookup was most of the time its charts took (the wellbeing grid: about
/// 0.2 s per report). Here the type's property names are read once per type; a name among them still goes through
/// <c>SetProperty</c>, every other name goes into the same dictionary, in the same order, so the figures' JSON is
/// unchanged. Thread-safe.
/// </remarks>
internal static class PlotlyProperties
{
    private static readonly ConcurrentDictionary<Type, FrozenSet<string>> Declared = new();

    /// <summary>Sets <paramref name="name"/> on <paramref name="target"/> to <paramref name="value"/>.</summary>
    public static void Set(this DynamicObj.DynamicObj target, string name, object? value)
    {
        var declared = Declared.GetOrAdd(target.GetType(), type =>
            type.GetProperties().Concat(type.GetInterfaces().SelectMany(i => i.GetProperties())).Select(p => p.Name).ToFrozenSet(StringComparer.Ordinal));
        if (declared.Contains(name))
        {
            target.SetProperty(name, value);
            return;
        }

        target.Properties[name] = value;
    }
}
