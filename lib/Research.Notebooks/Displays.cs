using Research.Notebooks.Execution;

namespace Research.Notebooks;

/// <summary>Display helpers for notebook cells: <c>value.Display()</c> shows a value as an output of the running cell.</summary>
public static class Displays
{
    /// <summary>Shows <paramref name="value"/> as a display output of the running cell, optionally only as <paramref name="mimeTypes"/>.</summary>
    /// <exception cref="InvalidOperationException">Called outside a notebook cell.</exception>
    public static void Display(this object? value, params string[] mimeTypes) => Show(value, mimeTypes);

    /// <summary>The implementation shared by <c>display(x)</c> and <c>x.Display()</c>.</summary>
    internal static void Show(object? value, string[] mimeTypes)
    {
        var context = CellExecutionContext.Current
                      ?? throw new InvalidOperationException("Display() was called outside a running notebook cell.");
        context.Display(value, mimeTypes);
    }
}
