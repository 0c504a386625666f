using Microsoft.CodeAnalysis.Scripting;

namespace Research.Notebooks.Kernels;

/// <summary>
/// The compiled first submission of a C# kernel (its references and imports, no code), shared by the kernels a process
/// creates with the same settings. Compiling it binds every default reference, about half a second even in a warm
/// process; a <c>run-all</c> worker starts a kernel for each notebook it runs, and all of them have the same preamble.
/// </summary>
/// <remarks>
/// Sharing is sound because a Roslyn <see cref="Script"/> is immutable: running it creates a new state bound to the
/// caller's globals object, and continuing from that state creates new scripts without touching the shared one. The
/// preamble declares no variables, so no value passes from one notebook to the next. One entry is kept (the last
/// settings seen): a process runs notebooks of one kind one after another. Thread-safe.
/// </remarks>
internal static class CompiledPreamble
{
    private static readonly Lock Gate = new();
    private static (string Key, Script<object> Script)? s_last;

    /// <summary>
    /// The preamble for <paramref name="key"/> (everything the script options were made from), created by
    /// <paramref name="create"/> the first time.
    /// </summary>
    public static Script<object> For(string key, Func<Script<object>> create)
    {
        lock (Gate)
        {
            if (s_last is { } last && string.Equals(last.Key, key, StringComparison.Ordinal))
            {
                return last.Script;
            }

            var script = create();
            s_last = (key, script);
            return script;
        }
    }
}
