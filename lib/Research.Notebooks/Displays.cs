using Research.Notebooks.Execution;

namespace Research.Notebooks;

/// <summary>Display helpers for notebook cells: <c>value.Display()</c> shows a value as an output of the running cell.</summary>
public static class Displays
{
    /// <summary>
    /// Shows <paramref name="value"/> as a display output of the running cell, optionally only as
    /// <paramref name="mimeTypes"/>; the returned handle updates the output in place.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called outside a notebook cell.</exception>
    public static DisplayHandle Display(this object? value, params string[] mimeTypes) => Show(value, mimeTypes);

    /// <summary>The implementation shared by <c>display(x)</c> and <c>x.Display()</c>.</summary>
    internal static DisplayHandle Show(object? value, string[] mimeTypes) => Running().Display(value, mimeTypes);

    /// <summary>The context of the running cell.</summary>
    /// <exception cref="InvalidOperationException">Called outside a notebook cell.</exception>
    internal static CellExecutionContext Running() =>
        CellExecutionContext.Current ?? throw new InvalidOperationException("this was called outside a running notebook cell.");
}
