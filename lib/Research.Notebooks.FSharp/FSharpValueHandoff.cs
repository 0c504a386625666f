using System.Collections.Concurrent;
using System.ComponentModel;

namespace Research.Notebooks.FSharp;

/// <summary>
/// Carries a value set from another kernel (<c>#!share</c>, <c>#!set</c>) into the F# session: the host puts it in a
/// slot, the binding the kernel evaluates takes it out. Public only because F# code must call it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FSharpValueHandoff
{
    private static readonly ConcurrentDictionary<string, object?> Slots = new(StringComparer.Ordinal);

    /// <summary>Takes (and empties) the slot <paramref name="slot"/>.</summary>
    /// <exception cref="KeyNotFoundException">No value waits in that slot.</exception>
    public static object? Take(string slot) =>
        Slots.TryRemove(slot, out var value) ? value : throw new KeyNotFoundException($"no value waits in slot '{slot}'.");

    /// <summary>Puts <paramref name="value"/> in a new slot and returns the slot's name.</summary>
    internal static string Put(object? value)
    {
        var slot = Guid.NewGuid().ToString("N");
        Slots[slot] = value;
        return slot;
    }
}
