namespace Research.Notebooks.Editing;

/// <summary>The completions offered at a position (Jupyter's <c>complete_reply</c>).</summary>
/// <param name="Start">Start (UTF-16 index) of the text the chosen completion replaces.</param>
/// <param name="End">End (exclusive) of that text.</param>
/// <param name="Items">The completions, best first.</param>
public sealed record CodeCompletions(int Start, int End, IReadOnlyList<CodeCompletion> Items)
{
    /// <summary>No completion at <paramref name="position"/>.</summary>
    public static CodeCompletions None(int position) => new(position, position, Array.Empty<CodeCompletion>());
}

/// <summary>One completion.</summary>
/// <param name="Text">The text to insert.</param>
/// <param name="Kind">What it is, in Jupyter's vocabulary: <c>method</c>, <c>property</c>, <c>class</c>, <c>variable</c>, <c>keyword</c>…</param>
public sealed record CodeCompletion(string Text, string Kind);
