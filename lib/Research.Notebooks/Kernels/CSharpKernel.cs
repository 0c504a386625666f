using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;
using Research.Notebooks.Editing;
using Research.Notebooks.Execution;
using Research.Notebooks.Packages;
using Research.Notebooks.Magics;
using Research.Notebooks.Values;

namespace Research.Notebooks.Kernels;

/// <summary>
/// Runs C# cells as one continuing script, compiled by Roslyn's scripting compiler: variables, usings and types carry
/// from cell to cell. <c>#r "path.dll"</c> resolves relative to the notebook; <c>#r "nuget: Name, Version"</c> lines
/// are restored (see <see cref="NuGetRestorer"/>) before the cell's code runs. A cell compiled before, after the same
/// cells on the same references, is loaded from the <see cref="CompiledCellCache"/> instead of compiled again; the
/// chain's first submission (the references and imports) is compiled or loaded on a background thread as soon as
/// the kernel is created. Cells are made interruptible (<see cref="InterruptChecks"/>) and may not end the process
/// (<see cref="ProcessExitGuard"/>).
/// Front ends get completion, inspection and completeness checks over the live state (<see cref="ILanguageServices"/>).
/// Its variables can be read and set from other kernels (<see cref="IVariableStore"/>).
/// </summary>
public sealed class CSharpKernel : IKernel, ILanguageServices, IVariableStore
{
    private readonly ScriptGlobals _globals = new();
    private readonly PackageSet _packages;
    private readonly string _directory;
    private readonly HashSet<string> _referencedFiles = new(StringComparer.Ordinal);
    private readonly List<MetadataReference> _newReferences = new();
    private readonly SubmissionLoadContext _loader = new();
    private readonly CompiledCellCache? _cache;
    private readonly string _kernelId = Guid.NewGuid().ToString("N");
    private readonly Task<SubmissionState> _warmUp;
    private readonly ScriptOptions _continuation;
    private readonly CSharpParseOptions _parseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);
    private volatile SubmissionState? _state;
    private CSharpLanguageServices? _languageServices;
    private int _unnamed;
    private int _compiled;
    private int _loaded;

    /// <summary>Creates the kernel for a notebook in <paramref name="notebookDirectory"/> (null: the current directory).</summary>
    public CSharpKernel(NotebookHostOptions options, string? notebookDirectory)
    {
        _directory = Path.GetFullPath(notebookDirectory ?? Directory.GetCurrentDirectory());
        var assemblies = StandardAssemblies().Concat(options.DefaultAssemblies).Distinct().ToList();
        var imports = NotebookHostOptions.StandardUsings.Concat(options.DefaultUsings).Distinct().ToList();
        _referencedFiles.UnionWith(assemblies.Select(a => a.Location).Where(l => l.Length > 0));
        _packages = new PackageSet(new NuGetRestorer(options.PackageCacheDirectory), assemblies.Select(a => a.GetName().Name!));

        // The encoding lets Roslyn emit debug information (cell line numbers in tracebacks) for source given as text.
        var first = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8)
            .WithMetadataResolver(new ScriptReferenceResolver(_directory))
            .WithSourceResolver(new CellSourceResolver(_directory))
            .AddReferences(assemblies.Where(a => a.Location.Length == 0))
            .AddReferences(assemblies.Where(a => a.Location.Length > 0).Select(a => MetadataReferences.FromFile(a.Location)))
            .AddImports(imports);

        // References and imports are applied once, by the first submission; every later one inherits them through the
        // chain. Giving them again with each cell (what continuing with the same options does) re-resolves and
        // re-reads every reference file into native memory and adds them to each compilation once more: about 4 MB
        // and a longer reference list per cell, so 1,000 trivial cells took 5.4 GB. Only new references go along.
        _continuation = first.WithReferences(Array.Empty<MetadataReference>()).WithImports(Array.Empty<string>());

        // An assembly without a file (emitted in memory) cannot be keyed by what is on disk: such a chain is compiled every time.
        _cache = options.CompiledCellCacheDirectory is { } cache && assemblies.All(a => a.Location.Length > 0) ? new CompiledCellCache(cache) : null;
        var rootKey = _cache is null ? null : CompiledCellCache.Root(assemblies, imports);
        _warmUp = Task.Run(() =>
        {
            var (root, compiled) = LoadOrCompile(null, rootKey, string.Empty, first, CancellationToken.None);
            if (options.WarmUpCompiler && LoadedSubmissions > 0)
            {
                // Loaded from the cache, the first submission did not start the compiler: do that now, in the background,
                // so the first cell that is compiled does not wait for it.
                _ = Task.Run(() => SubmissionCompiler.Compile(root, out _, CancellationToken.None));
            }

            return SubmissionState.Start(null, _globals, root, Entry(compiled));
        });
    }

    /// <inheritdoc />
    public string Name => "csharp";

    /// <inheritdoc />
    public IReadOnlyList<string> Aliases { get; } = new[] { "c#", "C#", "cs" };

    /// <summary>How many submissions this kernel compiled (the rest it loaded from the compiled-cell cache).</summary>
    internal int CompiledSubmissions => Volatile.Read(ref _compiled);

    /// <summary>How many submissions this kernel loaded from the compiled-cell cache.</summary>
    internal int LoadedSubmissions => Volatile.Read(ref _loaded);

    /// <inheritdoc />
    public Task ReadyAsync(CancellationToken cancellationToken) => _warmUp.WaitAsync(cancellationToken);

    /// <inheritdoc />
    public CodeCompleteness IsComplete(string code) => CSharpLanguageServices.IsComplete(code, _parseOptions);

    /// <inheritdoc />
    public Task<CodeCompletions> CompleteAsync(string code, int position, CancellationToken cancellationToken) =>
        LanguageServices.CompleteAsync(code, position, cancellationToken);

    /// <inheritdoc />
    public Task<SymbolHelp?> InspectAsync(string code, int position, CancellationToken cancellationToken) =>
        LanguageServices.InspectAsync(code, position, cancellationToken);

    /// <inheritdoc />
    public async Task ExecuteAsync(string code, CellExecutionContext context, CancellationToken cancellationToken)
    {
        var submission = CSharpSubmission.Parse(code, _directory);
        if (submission.UnknownMagic is { } magic)
        {
            context.Fail(UnknownMagic.Error(magic.Text), magic.Line);
            return;
        }

        var previous = _state ??= await _warmUp;
        foreach (var source in submission.Sources)
        {
            _packages.AddSource(source);
        }

        if (submission.Packages.Count > 0)
        {
            if (await _packages.AddAsync(submission.Packages, context, cancellationToken) is not { } added)
            {
                return;
            }

            _newReferences.AddRange(added.Where(_referencedFiles.Add).Select(MetadataReferences.FromFile));
        }

        // A file name without a directory: tracebacks show no machine's paths, and a compiled cell does not depend on
        // where the notebook runs (relative #r and #load paths resolve against the kernel's directory all the same).
        var cellPath = string.Create(CultureInfo.InvariantCulture, $"cell-{context.CellNumber}.csx");
        _globals.CancellationToken = cancellationToken;
        var options = _continuation.WithFilePath(cellPath).AddReferences(_newReferences);
        var key = KeyAfter(previous.Head, submission.Code, cellPath, cacheable: _newReferences.Count == 0 && !ReferencesFiles(submission.Code));
        if ((Cached(previous.Head, key, options) ?? CompileCell(previous.Head, submission.Code, key, options, context, cancellationToken)) is not { } prepared)
        {
            return;
        }

        var (next, compiled) = prepared;
        var entry = Entry(compiled);
        Task<SubmissionState> running;
        using (context.EnterUserCode())
        {
            // Only the synchronous part of the cell runs in the scope: after its first await the cell continues on
            // pool threads, which Thread.Interrupt must not hit. The cell's own checks and its CancellationToken stop it.
            running = SubmissionState.Start(previous, _globals, next, entry);
        }

        var state = await running;

        // A cell abandoned after an interrupt may end later: it must not replace the state later cells build on.
        if (!context.RunIfActive(() => Commit(state)))
        {
            return;
        }

        if (state.Exception is { } exception)
        {
            var line = CellLine(exception, cellPath);
            if (context.InterruptKind is not null)
            {
                context.ReportInterrupted(line);
                return;
            }

            var traceback = exception.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            context.Fail(new ErrorOutput(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, traceback), line);
            return;
        }

        // A trailing display(x) has been shown already.
        if (compiled.ShowsValue && state.ReturnValue is not DisplayHandle)
        {
            context.PublishResult(state.ReturnValue);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<KernelVariable> Variables =>
        _state is not { } state
            ? Array.Empty<KernelVariable>()
            : state.Variables.GroupBy(v => v.Name, StringComparer.Ordinal)
                .Select(g => g.Last())
                .Select(v => new KernelVariable(v.Name, v.Type, v.Value))
                .ToList();

    /// <inheritdoc />
    public bool TryGetValue(string name, out object? value)
    {
        value = null;
        return _state is { } state && state.TryGet(name, out value);
    }

    /// <inheritdoc />
    public bool CanDeclare(Type type) =>
        CSharpTypeName.Of(type) is not null && Assemblies(type).All(a => a.Location.Length > 0 || CSharpTypeName.IsScriptType(type));

    /// <inheritdoc />
    public async Task SetValueAsync(string name, object? value, Type declaredType, CellExecutionContext context, CancellationToken cancellationToken)
    {
        if (!SyntaxFacts.IsValidIdentifier(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None)
        {
            throw new ArgumentException($"'{name}' is not a valid C# variable name.", nameof(name));
        }

        var typeName = CSharpTypeName.Of(declaredType) ?? "object";
        _newReferences.AddRange(Assemblies(declaredType)
            .Select(a => a.Location)
            .Where(l => l.Length > 0 && _referencedFiles.Add(l))
            .Select(MetadataReferences.FromFile));
        var previous = _state ??= await _warmUp.WaitAsync(cancellationToken);
        var code = $"{typeName} {name} = default;";
        var key = KeyAfter(previous.Head, code, string.Empty, cacheable: _newReferences.Count == 0);
        var (next, compiled) = LoadOrCompile(previous.Head, key, code, _continuation.AddReferences(_newReferences), cancellationToken);
        var state = await SubmissionState.Start(previous, _globals, next, Entry(compiled));
        if (state.Exception is { } exception)
        {
            throw new InvalidOperationException($"Declaring '{name}' failed.", exception);
        }

        state.TrySet(name, value);
        context.RunIfActive(() => Commit(state));
    }

    // The assemblies a declaration of the type needs: its own and those of its generic arguments and element types.
    private static IEnumerable<Assembly> Assemblies(Type type) =>
        type.HasElementType ? Assemblies(type.GetElementType()!)
        : type.IsGenericType ? type.GetGenericArguments().SelectMany(Assemblies).Prepend(type.Assembly)
        : new[] { type.Assembly };

    private static IEnumerable<Assembly> StandardAssemblies() => new[]
    {
        typeof(object).Assembly,
        typeof(Enumerable).Assembly,
        typeof(Console).Assembly,
        typeof(System.Text.RegularExpressions.Regex).Assembly,
        typeof(CSharpKernel).Assembly,
        typeof(Microsoft.Data.Analysis.DataFrame).Assembly,
        typeof(Plotly.NET.GenericChart).Assembly,
        typeof(Microsoft.FSharp.Core.FSharpOption<>).Assembly,
        typeof(DynamicObj.DynamicObj).Assembly,
        typeof(Deedle.Frame).Assembly,
        typeof(System.Text.Json.JsonDocument).Assembly,

        // The runtime binder of 'dynamic' (PocketView tags are dynamic objects).
        typeof(Microsoft.CSharp.RuntimeBinder.Binder).Assembly,
    };

    // Built on first use: a headless run never pays for the editor services.
    private CSharpLanguageServices LanguageServices => LazyInitializer.EnsureInitialized(
        ref _languageServices,
        () => new CSharpLanguageServices(async ct => (_state ?? await _warmUp.WaitAsync(ct).ConfigureAwait(false)).Head, _parseOptions));

    // A #r or #load line names a file whose content the compiled result depends on but its key does not cover.
    private static bool ReferencesFiles(string code) =>
        code.Split('\n').Any(line => IsDirective(line.TrimStart(), "#r") || IsDirective(line.TrimStart(), "#load"));

    // The directive itself, not a longer one that starts the same way (#region).
    private static bool IsDirective(string line, string directive) =>
        line.StartsWith(directive, StringComparison.Ordinal) && (line.Length == directive.Length || char.IsWhiteSpace(line[directive.Length]) || line[directive.Length] == '"');

    // The cache key of the submission of `code` after `previous`: none when the chain is not cached from here on.
    private static byte[]? KeyAfter(Submission previous, string code, string filePath, bool cacheable) =>
        cacheable && previous.Key is { } key ? CompiledCellCache.Next(key, code, filePath) : null;

    // The assembly name of a submission keyed `key`. A keyed submission this kernel loaded already (the same cell run
    // again after an abandoned run of it) is not loaded twice: it gets a name of its own, and its chain is not cached.
    private string NameFor(ref byte[]? key)
    {
        if (key is not null && !_loader.HasSubmission(Submission.NameFor(key)))
        {
            return Submission.NameFor(key);
        }

        key = null;
        return "\u211B*" + _kernelId + "-" + Interlocked.Increment(ref _unnamed).ToString(CultureInfo.InvariantCulture);
    }

    // The submission keyed `key` from the cache, or null.
    private (Submission Submission, CompiledSubmission Compiled)? Cached(Submission? previous, byte[]? key, ScriptOptions options)
    {
        if (key is null || _cache is null || _loader.HasSubmission(Submission.NameFor(key)) || _cache.TryLoad(key) is not { } compiled)
        {
            return null;
        }

        Interlocked.Increment(ref _loaded);
        var name = Submission.NameFor(key);
        return (previous?.Continue(compiled.Code, options, key, name) ?? Submission.First(compiled.Code, options, key, name), compiled);
    }

    // Compiles a cell with its interrupt checks; null when it fails to compile or calls what would end the process (the cell then shows why).
    private (Submission Submission, CompiledSubmission Compiled)? CompileCell(Submission previous, string code, byte[]? key, ScriptOptions options, CellExecutionContext context, CancellationToken cancellationToken)
    {
        var name = NameFor(ref key);
        var instrumented = InterruptChecks.Insert(code, _parseOptions);
        var next = previous.Continue(instrumented.Code, options, key, name);
        if (SubmissionCompiler.Compile(next, out _, cancellationToken) is not { } compiled)
        {
            // Report the user's own text: compile the original and show its errors. Should the instrumented code be
            // at fault while the original compiles, the cell runs uninstrumented (stoppable only when it blocks or awaits).
            next = previous.Continue(code, options, key, name);
            if (SubmissionCompiler.Compile(next, out var errors, cancellationToken) is not { } original)
            {
                ReportCompilationError(errors, context);
                return null;
            }

            (compiled, instrumented) = (original, InterruptChecks.None(code));
        }

        var compilation = next.Compilation;
        if (ProcessExitGuard.Find(compilation, compilation.SyntaxTrees.Last()) is { } exit)
        {
            var position = SourceText.From(code).Lines.GetLinePosition(instrumented.ToOriginal(exit.Position));
            var message = string.Create(CultureInfo.InvariantCulture,
                $"line {position.Line + 1}, column {position.Character + 1}: {exit.Method} would end the notebook host, so a cell may not call it; throw an exception to stop the notebook.");
            context.Fail(new ErrorOutput("ProcessExitNotAllowed", message, new[] { message }), position.Line + 1);
            return null;
        }

        return (next, Keep(next, compiled));
    }

    // A submission without interrupt checks (the first one, a variable another kernel declares): from the cache, or compiled.
    private (Submission Submission, CompiledSubmission Compiled) LoadOrCompile(Submission? previous, byte[]? key, string code, ScriptOptions options, CancellationToken cancellationToken)
    {
        if (Cached(previous, key, options) is { } cached)
        {
            return cached;
        }

        var name = NameFor(ref key);
        var submission = previous?.Continue(code, options, key, name) ?? Submission.First(code, options, key, name);
        var compiled = SubmissionCompiler.Compile(submission, out var errors, cancellationToken)
            ?? throw new CompilationErrorException(errors[0].ToString(), errors.ToImmutableArray());
        return (submission, Keep(submission, compiled));
    }

    // Counts a compiled submission, tells the load context where its references are, and stores it when it is keyed.
    private CompiledSubmission Keep(Submission submission, CompiledSubmission compiled)
    {
        Interlocked.Increment(ref _compiled);
        var compilation = submission.Compilation;
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (compilation.GetMetadataReference(assembly) is PortableExecutableReference { FilePath: { } path })
            {
                _loader.RegisterDependency(assembly.Identity.Name, path);
            }
        }

        if (submission.Key is { } key)
        {
            _cache?.Store(key, compiled);
        }

        return compiled;
    }

    // Loads the submission's assembly and returns its factory: given the array of submission objects, it creates the
    // submission's own, puts it in its slot and runs the submission's code.
    private Func<object?[], Task<object?>> Entry(CompiledSubmission compiled)
    {
        if (compiled.Image.Length == 0 || compiled.EntryType is null || compiled.EntryMethod is null)
        {
            return static _ => Task.FromResult<object?>(null);
        }

        var assembly = _loader.LoadSubmission(compiled);
        var type = assembly.GetType(compiled.EntryType, throwOnError: true, ignoreCase: false)!;
        var method = type.GetMethod(compiled.EntryMethod, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException($"The compiled submission has no method {compiled.EntryMethod}.");
        return method.CreateDelegate<Func<object?[], Task<object?>>>();
    }

    private void Commit(SubmissionState state)
    {
        _state = state;
        _newReferences.Clear();
    }

    private static void ReportCompilationError(IReadOnlyList<Diagnostic> errors, CellExecutionContext context)
    {
        var lines = errors.Select(d =>
        {
            var position = d.Location.GetLineSpan().StartLinePosition;
            return string.Create(CultureInfo.InvariantCulture, $"line {position.Line + 1}, column {position.Character + 1}: error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}");
        }).ToList();
        context.Fail(new ErrorOutput("CompilationError", lines[0], lines), errors[0].Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    // The cell line of the innermost frame in this cell's code.
    private static int? CellLine(Exception exception, string cellPath)
    {
        var line = new StackTrace(exception, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(f => string.Equals(f.GetFileName(), cellPath, StringComparison.Ordinal))?.GetFileLineNumber();
        return line is > 0 ? line : null;
    }
}
