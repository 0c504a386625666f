using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Research.Notebooks.Kernels;

/// <summary>
/// One link of a C# kernel's chain of submissions: the code compiled, its options, its place in the chain and its
/// key in the <see cref="CompiledCellCache"/>. Its Roslyn compilation is made only when something needs it (a
/// later submission that is compiled, the editor services): a submission loaded from the cache never makes one.
/// </summary>
/// <remarks>
/// Roslyn's scripting API builds the compilation, with the options it gives submissions; the submission's assembly
/// and class then get names that follow from its key (or from the kernel when it has none), so a compiled submission
/// refers to the ones before it by names that are the same in every run, and one stored by an earlier run loads
/// after submissions compiled by this one. Immutable once built; the compilation is made once, thread-safely.
/// </remarks>
internal sealed class Submission
{
    private readonly Lazy<Script<object>> _script;
    private readonly Lazy<CSharpCompilation> _compilation;

    private Submission(Submission? previous, string code, ScriptOptions options, byte[]? key, string assemblyName)
    {
        Previous = previous;
        Code = code;
        Key = key;
        Index = previous is null ? 0 : previous.Index + 1;
        AssemblyName = assemblyName;
        _script = new(() => previous is null
            ? CSharpScript.Create(code, options, typeof(ScriptGlobals))
            : previous._script.Value.ContinueWith(code, options));
        _compilation = new(CreateCompilation);
    }

    /// <summary>The submission before this one; null for the first (which applies the references and imports).</summary>
    public Submission? Previous { get; }

    /// <summary>The code compiled.</summary>
    public string Code { get; }

    /// <summary>The key in the compiled-cell cache; null when this chain is not cached from here on.</summary>
    public byte[]? Key { get; }

    /// <summary>The submission's place in the chain (0 for the first).</summary>
    public int Index { get; }

    /// <summary>The name of the submission's assembly.</summary>
    public string AssemblyName { get; }

    /// <summary>The metadata name of the submission's class.</summary>
    public string TypeName => "Submission#" + Index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The submission's compilation (made on first use).</summary>
    public CSharpCompilation Compilation => _compilation.Value;

    /// <summary>The first submission of a chain: <paramref name="code"/> with the references and imports of <paramref name="options"/>.</summary>
    public static Submission First(string code, ScriptOptions options, byte[]? key, string assemblyName) =>
        new(null, code, options, key, assemblyName);

    /// <summary>The submission of <paramref name="code"/> after this one.</summary>
    public Submission Continue(string code, ScriptOptions options, byte[]? key, string assemblyName) =>
        new(this, code, options, key, assemblyName);

    /// <summary>The assembly name of a submission with cache key <paramref name="key"/>: the same in every run.</summary>
    public static string NameFor(byte[] key) => "\u211B*" + Convert.ToHexStringLower(key);

    private CSharpCompilation CreateCompilation()
    {
        var roslyn = (CSharpCompilation)_script.Value.GetCompilation();
        var info = roslyn.ScriptCompilationInfo!.WithPreviousScriptCompilation(Previous?.Compilation);
        return roslyn
            .WithAssemblyName(AssemblyName)
            .WithOptions(roslyn.Options.WithScriptClassName(TypeName))
            .WithScriptCompilationInfo(info);
    }
}
