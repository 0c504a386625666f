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
/// Runs C# cells on Roslyn scripting as one continuing script state: variables, usings and types carry from cell to
/// cell. <c>#r "path.dll"</c> resolves relative to the notebook; <c>#r "nuget: Name, Version"</c> lines are restored
/// (see <see cref="NuGetRestorer"/>) before the cell's code runs. The script engine is warmed up on a background
/// thread as soon as the kernel is created, so the first cell does not pay for compiling the defaults. Cells are
/// made interruptible (<see cref="InterruptChecks"/>) and may not end the process (<see cref="ProcessExitGuard"/>).
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
    private readonly Task<ScriptState<object>> _warmUp;
    private readonly ScriptOptions _continuation;
    private readonly CSharpParseOptions _parseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);
    private volatile ScriptState<object>? _state;
    private CSharpLanguageServices? _languageServices;

    /// <summary>Creates the kernel for a notebook in <paramref name="notebookDirectory"/> (null: the current directory).</summary>
    public CSharpKernel(NotebookHostOptions options, string? notebookDirectory)
    {
        _directory = Path.GetFullPath(notebookDirectory ?? Directory.GetCurrentDirectory());
        var assemblies = StandardAssemblies().Concat(options.DefaultAssemblies).Distinct().ToList();
        _referencedFiles.UnionWith(assemblies.Select(a => a.Location).Where(l => l.Length > 0));
        _packages = new PackageSet(new NuGetRestorer(options.PackageCacheDirectory), assemblies.Select(a => a.GetName().Name!));

        // The encoding lets Roslyn emit debug information (cell line numbers in tracebacks) for source given as text.
        var first = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8)
            .WithMetadataResolver(new ScriptReferenceResolver(_directory))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(_directory))
            .AddReferences(assemblies.Where(a => a.Location.Length == 0))
            .AddReferences(assemblies.Where(a => a.Location.Length > 0).Select(a => MetadataReferences.FromFile(a.Location)))
            .AddImports(NotebookHostOptions.StandardUsings.Concat(options.DefaultUsings).Distinct());

        // References and imports are applied once, by the first submission; every later one inherits them through the
        // chain. Giving them again with each cell (what continuing with the same options does) re-resolves and
        // re-reads every reference file into native memory and adds them to each compilation once more: about 4 MB
        // and a longer reference list per cell, so 1,000 trivial cells took 5.4 GB. Only new references go along.
        _continuation = first.WithReferences(Array.Empty<MetadataReference>()).WithImports(Array.Empty<string>());
        _warmUp = Task.Run(() => CSharpScript.Create(string.Empty, first, typeof(ScriptGlobals)).RunAsync(_globals));
    }

    /// <inheritdoc />
    public string Name => "csharp";

    /// <inheritdoc />
    public IReadOnlyList<string> Aliases { get; } = new[] { "c#", "C#", "cs" };

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

        _state ??= await _warmUp;
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

        var cellPath = Path.Combine(_directory, string.Create(CultureInfo.InvariantCulture, $"cell-{context.CellNumber}.csx"));
        _globals.CancellationToken = cancellationToken;
        var options = _continuation.WithFilePath(cellPath).AddReferences(_newReferences);
        var instrumented = InterruptChecks.Insert(submission.Code, _parseOptions);
        var script = _state.Script.ContinueWith(instrumented.Code, options);
        if (script.Compile(cancellationToken).Any(IsError))
        {
            // Report the user's own text: compile the original and show its errors. Should the instrumented code be at
            // fault while the original compiles, the cell runs uninstrumented (stoppable only when it blocks or awaits).
            var original = _state.Script.ContinueWith(submission.Code, options);
            var errors = original.Compile(cancellationToken).Where(IsError).ToList();
            if (errors.Count > 0)
            {
                ReportCompilationError(errors, context);
                return;
            }

            (script, instrumented) = (original, InterruptChecks.None(submission.Code));
        }

        var compilation = script.GetCompilation();
        if (ProcessExitGuard.Find(compilation, compilation.SyntaxTrees.Last()) is { } exit)
        {
            var position = SourceText.From(submission.Code).Lines.GetLinePosition(instrumented.ToOriginal(exit.Position));
            var message = string.Create(CultureInfo.InvariantCulture,
                $"line {position.Line + 1}, column {position.Character + 1}: {exit.Method} would end the notebook host, so a cell may not call it; throw an exception to stop the notebook.");
            context.Fail(new ErrorOutput("ProcessExitNotAllowed", message, new[] { message }), position.Line + 1);
            return;
        }

        Task<ScriptState<object>> running;
        using (context.EnterUserCode())
        {
            // Only the synchronous part of the cell runs in the scope: after its first await the cell continues on
            // pool threads, which Thread.Interrupt must not hit. No token here: Roslyn would throw for a cancelled one
            // and lose where the cell stopped; the cell's own checks and its CancellationToken stop it.
            running = script.RunFromAsync(_state, _ => true, CancellationToken.None);
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

        if (HasResult(state))
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
        var variable = _state?.GetVariable(name);
        value = variable?.Value;
        return variable is not null;
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
        _state ??= await _warmUp.WaitAsync(cancellationToken);
        var script = _state.Script.ContinueWith($"{typeName} {name} = default;", _continuation.AddReferences(_newReferences));
        var state = await script.RunFromAsync(_state, cancellationToken: cancellationToken);
        state.GetVariable(name)!.Value = value;
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
        () => new CSharpLanguageServices(async ct => (_state ?? await _warmUp.WaitAsync(ct).ConfigureAwait(false)).Script, _parseOptions));

    private static bool IsError(Diagnostic diagnostic) => diagnostic.Severity == DiagnosticSeverity.Error;

    private void Commit(ScriptState<object> state)
    {
        _state = state;
        _newReferences.Clear();
    }

    // A trailing expression of type void (e.g. Console.WriteLine("x") without semicolon) has no result to show, and a
    // trailing display(x) has been shown already.
    private static bool HasResult(ScriptState<object> state)
    {
        var compilation = state.Script.GetCompilation();
        var tree = compilation.SyntaxTrees.LastOrDefault();
        if (tree is null || CSharpSubmission.TrailingExpression(tree) is not { } expression || state.ReturnValue is DisplayHandle)
        {
            return false;
        }

        if (state.ReturnValue is not null)
        {
            return true;
        }

        var type = compilation.GetSemanticModel(tree).GetTypeInfo(expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
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
