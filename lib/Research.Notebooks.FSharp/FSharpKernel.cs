using System.Diagnostics;
using System.Globalization;
using FSharp.Compiler.Diagnostics;
using static FSharp.Compiler.Interactive.Shell;
using Microsoft.FSharp.Core;
using Research.Notebooks.Execution;
using Research.Notebooks.Packages;
using Research.Notebooks.Values;

namespace Research.Notebooks.FSharp;

/// <summary>
/// F# cells (<c>#!fsharp</c>, <c>#!f#</c>, metadata <c>fsharp</c>) on FSharp.Compiler.Service's interactive session:
/// one session per notebook, so bindings carry from cell to cell. <c>#r "nuget: …"</c> and <c>#i</c> go through the
/// same restorer and cache as C# cells; the last expression of a cell is its result, formatted by the notebook's
/// formatters; <c>display</c>, <c>HTML</c> and <c>Markdown</c> are defined by a prelude.
/// </summary>
/// <remarks>
/// The session starts on the first F# cell (in <see cref="ReadyAsync"/>, which the host does not count against the
/// cell's timeout), so a notebook without F# pays nothing but this object. Not thread-safe: the host runs one cell
/// at a time.
/// </remarks>
public sealed class FSharpKernel : IKernel, IVariableStore, IDisposable
{
    private readonly string _directory;
    private readonly PackageSet _packages;
    private readonly IReadOnlyList<string> _references;
    private readonly Lazy<Task<FsiEvaluationSession>> _session;
    private bool _htmlLoaded;
    private readonly StringWriter _fsiOutput = new(CultureInfo.InvariantCulture);
    private readonly StringWriter _fsiErrors = new(CultureInfo.InvariantCulture);

    /// <summary>Creates the kernel for a notebook in <paramref name="notebookDirectory"/> (null: the current directory).</summary>
    public FSharpKernel(NotebookHostOptions options, string? notebookDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _directory = Path.GetFullPath(notebookDirectory ?? Directory.GetCurrentDirectory());
        var assemblies = new[] { typeof(Displays).Assembly, typeof(Microsoft.DotNet.Interactive.Kernel).Assembly, typeof(FSharpKernel).Assembly }
            .Concat(options.DefaultAssemblies)
            .Concat(LibraryAssemblies)
            .Where(a => a.Location.Length > 0)
            .Distinct()
            .ToList();
        _references = assemblies.Select(a => a.Location).ToList();
        _packages = new PackageSet(new NuGetRestorer(options.PackageCacheDirectory), assemblies.Select(a => a.GetName().Name!));
        _session = new Lazy<Task<FsiEvaluationSession>>(() => Task.Run(Start));
    }

    // What C# cells reference by default and F# notebooks use most: data frames, charts and Deedle.
    private static IEnumerable<System.Reflection.Assembly> LibraryAssemblies => new[]
    {
        typeof(Microsoft.Data.Analysis.DataFrame).Assembly,
        typeof(Plotly.NET.GenericChart).Assembly,
        typeof(Deedle.Frame).Assembly,
    };

    /// <inheritdoc />
    public string Name => "fsharp";

    /// <inheritdoc />
    public IReadOnlyList<string> Aliases { get; } = new[] { "f#", "F#" };

    /// <summary>How long the F# session took to start (null until the first F# cell).</summary>
    public TimeSpan? StartupTime { get; private set; }

    /// <inheritdoc />
    public IReadOnlyList<KernelVariable> Variables =>
        !_session.IsValueCreated || !_session.Value.IsCompletedSuccessfully
            ? Array.Empty<KernelVariable>()
            : _session.Value.Result.GetBoundValues()
                .Where(v => !FSharpSubmission.PreludeNames.Contains(v.Name))
                .Select(v => new KernelVariable(v.Name, v.Value.ReflectionType, v.Value.ReflectionValue))
                .ToList();

    /// <inheritdoc />
    public Task ReadyAsync(CancellationToken cancellationToken) => _session.Value.WaitAsync(cancellationToken);

    /// <inheritdoc />
    public async Task ExecuteAsync(string code, CellExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var session = await _session.Value.ConfigureAwait(false);
        var submission = FSharpSubmission.Parse(code, _directory);
        foreach (var source in submission.Sources)
        {
            _packages.AddSource(source);
        }

        if (submission.Packages.Count > 0)
        {
            if (await _packages.AddAsync(submission.Packages, context, cancellationToken).ConfigureAwait(false) is not { } added)
            {
                return;
            }

            foreach (var assembly in added)
            {
                Evaluate(session, $"#r @\"{assembly.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", context, cancellationToken);
            }
        }

        if (string.IsNullOrWhiteSpace(submission.Code))
        {
            return;
        }

        // A mention is enough to load them: a false positive costs only the compilation.
        if (!_htmlLoaded && (submission.Code.Contains("Html", StringComparison.Ordinal) || submission.Code.Contains("CSS", StringComparison.Ordinal)))
        {
            _htmlLoaded = Evaluate(session, Resource("HtmlPrelude.fsx"), context, cancellationToken).Ok;
        }

        var (ok, result) = Evaluate(session, submission.Code, context, cancellationToken);
        if (ok && result is { } value && value.ReflectionType != typeof(Unit) && value.ReflectionValue is not DisplayHandle)
        {
            context.PublishResult(value.ReflectionValue);
        }
    }

    /// <inheritdoc />
    public bool TryGetValue(string name, out object? value)
    {
        value = null;
        if (!_session.IsValueCreated || !_session.Value.IsCompletedSuccessfully
            || _session.Value.Result.TryFindBoundValue(name) is not { } bound)
        {
            return false;
        }

        value = bound.Value.Value.ReflectionValue;
        return true;
    }

    /// <inheritdoc />
    public bool CanDeclare(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.IsVisible && !type.Assembly.IsDynamic;
    }

    /// <inheritdoc />
    public async Task SetValueAsync(string name, object? value, Type declaredType, CellExecutionContext context, CancellationToken cancellationToken)
    {
        if (!FSharpSubmission.IsIdentifier(name))
        {
            throw new ArgumentException($"'{name}' is not a valid F# variable name.", nameof(name));
        }

        // Bound by code through a hand-off slot rather than FsiEvaluationSession.AddBoundValue, which types the value by
        // its runtime assembly (System.Private.CoreLib) and then fails to unify it with F#'s own int, string, ….
        var session = await ReadyAndGetAsync(cancellationToken).ConfigureAwait(false);
        var slot = FSharpValueHandoff.Put(value);
        Evaluate(session, $"let {name} : {FSharpSubmission.TypeName(declaredType)} = unbox (Research.Notebooks.FSharp.FSharpValueHandoff.Take \"{slot}\")", context, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_session.IsValueCreated && _session.Value.IsCompletedSuccessfully)
        {
            ((IDisposable)_session.Value.Result).Dispose();
        }

        _fsiOutput.Dispose();
        _fsiErrors.Dispose();
    }

    private async Task<FsiEvaluationSession> ReadyAndGetAsync(CancellationToken cancellationToken)
    {
        await ReadyAsync(cancellationToken).ConfigureAwait(false);
        return await _session.Value.ConfigureAwait(false);
    }

    // A hosted session does not find the framework's reference assemblies by itself (List<T>, for one, was missing,
    // and implementation assemblies clash with F#'s own int and string): it compiles against the SDK's reference pack
    // for the running runtime, the assemblies a C# project of this target framework compiles against.
    private static IEnumerable<string> FrameworkReferences()
    {
        var runtime = System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory();
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var packs = new DirectoryInfo(Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref"));
        var version = $"{Environment.Version.Major}.{Environment.Version.Minor}.";
        var pack = packs.Exists
            ? packs.EnumerateDirectories(version + "*").OrderByDescending(d => Version.TryParse(d.Name, out var v) ? v : new Version()).FirstOrDefault()
            : null;
        var references = pack is null ? null : new DirectoryInfo(Path.Combine(pack.FullName, "ref", $"net{Environment.Version.Major}.{Environment.Version.Minor}"));
        return references is { Exists: true }
            ? references.EnumerateFiles("*.dll").Select(f => f.FullName).Order(StringComparer.Ordinal)
            : throw new InvalidOperationException($"F# cells need the .NET SDK's reference pack (Microsoft.NETCore.App.Ref {version}x), which was not found under {root}.");
    }

    private static string Resource(string name)
    {
        using var stream = typeof(FSharpKernel).Assembly.GetManifestResourceStream("Research.Notebooks.FSharp." + name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private FsiEvaluationSession Start()
    {
        var watch = Stopwatch.StartNew();
        var config = FsiEvaluationSession.GetDefaultConfiguration();
        var arguments = new[] { "fsi.exe", "--noninteractive", "--nologo", "--quiet", "--gui-", "--optimize+", "--debug+", "--multiemit+", "--noframework" }
            .Concat(FrameworkReferences().Concat(_references).Select(r => "-r:" + r))
            .ToArray();
        var session = FsiEvaluationSession.Create(config, arguments, TextReader.Null, _fsiOutput, _fsiErrors, FSharpOption<bool>.Some(false), legacyReferenceResolver: null);
        var (result, diagnostics) = session.EvalInteractionNonThrowing(Resource("Prelude.fsx"), FSharpOption<CancellationToken>.None);
        if (result.IsChoice2Of2)
        {
            throw new InvalidOperationException("the F# prelude did not compile: " + string.Join("; ", diagnostics.Select(d => d.Message)));
        }

        StartupTime = watch.Elapsed;
        return session;
    }

    // Runs one interaction; failures go to the cell (with its line), never thrown.
    private (bool Ok, FsiValue? Value) Evaluate(FsiEvaluationSession session, string code, CellExecutionContext context, CancellationToken cancellationToken)
    {
        Tuple<FSharpChoice<FSharpOption<FsiValue>?, Exception>, FSharpDiagnostic[]> outcome;
        var cellFile = Path.Combine(_directory, string.Create(CultureInfo.InvariantCulture, $"cell-{context.CellNumber}.fsx"));
        using (context.EnterUserCode())
        {
            outcome = session.EvalInteractionNonThrowing(code, cellFile, FSharpOption<CancellationToken>.Some(cancellationToken));
        }

        var (result, diagnostics) = outcome;
        if (result is FSharpChoice<FSharpOption<FsiValue>?, Exception>.Choice1Of2 success)
        {
            return (true, success.Item?.Value);
        }

        var exception = ((FSharpChoice<FSharpOption<FsiValue>?, Exception>.Choice2Of2)result).Item;
        if (context.InterruptKind is not null)
        {
            context.ReportInterrupted(null);
            return (false, null);
        }

        context.Fail(FSharpErrors.ToError(exception, diagnostics, _directory), FSharpErrors.Line(exception, diagnostics, cellFile));
        return (false, null);
    }
}
