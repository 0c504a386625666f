using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Research.Notebooks.Execution;
using Research.Notebooks.Packages;

namespace Research.Notebooks.Kernels;

/// <summary>
/// Runs C# cells on Roslyn scripting as one continuing script state: variables, usings and types carry from cell to
/// cell. <c>#r "path.dll"</c> resolves relative to the notebook; <c>#r "nuget: Name, Version"</c> lines are restored
/// (see <see cref="NuGetRestorer"/>) before the cell's code runs. The script engine is warmed up on a background
/// thread as soon as the kernel is created, so the first cell does not pay for compiling the defaults.
/// </summary>
public sealed class CSharpKernel : IKernel
{
    private readonly ScriptGlobals _globals = new();
    private readonly NuGetRestorer _restorer;
    private readonly string _directory;
    private readonly Dictionary<string, PackageReference> _packages = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _packageAssemblies = new(StringComparer.Ordinal);
    private readonly Task<ScriptState<object>> _warmUp;
    private ScriptOptions _options;
    private ScriptState<object>? _state;

    /// <summary>Creates the kernel for a notebook in <paramref name="notebookDirectory"/> (null: the current directory).</summary>
    public CSharpKernel(NotebookHostOptions options, string? notebookDirectory)
    {
        _directory = Path.GetFullPath(notebookDirectory ?? Directory.GetCurrentDirectory());
        _restorer = new NuGetRestorer(options.PackageCacheDirectory);
        _options = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithEmitDebugInformation(true)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(_directory))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(_directory))
            .AddReferences(StandardAssemblies().Concat(options.DefaultAssemblies).Distinct())
            .AddImports(NotebookHostOptions.StandardUsings.Concat(options.DefaultUsings).Distinct());
        _warmUp = Task.Run(() => CSharpScript.Create(string.Empty, _options, typeof(ScriptGlobals)).RunAsync(_globals));
    }

    /// <inheritdoc />
    public string Name => "csharp";

    /// <inheritdoc />
    public IReadOnlyList<string> Aliases { get; } = new[] { "c#", "C#", "cs" };

    /// <inheritdoc />
    public Task ReadyAsync(CancellationToken cancellationToken) => _warmUp.WaitAsync(cancellationToken);

    /// <inheritdoc />
    public async Task ExecuteAsync(string code, CellExecutionContext context, CancellationToken cancellationToken)
    {
        var submission = CSharpSubmission.Parse(code);
        if (submission.UnknownMagic is { } magic)
        {
            context.Fail(
                new ErrorOutput("UnknownMagicCommand", $"unknown magic command '{magic.Text}'; this host knows #!time and the kernel selectors #!csharp, #!markdown, #!html.", Array.Empty<string>()),
                magic.Line);
            return;
        }

        _state ??= await _warmUp;
        if (submission.Packages.Count > 0 && !await AddPackagesAsync(submission.Packages, context, cancellationToken))
        {
            return;
        }

        var cellPath = Path.Combine(_directory, string.Create(CultureInfo.InvariantCulture, $"cell-{context.CellNumber}.csx"));
        _globals.CancellationToken = cancellationToken;
        ScriptState<object> state;
        try
        {
            // A stream (not a string) gives the source an encoding, which Roslyn needs to emit debug information.
            using var source = new MemoryStream(Encoding.UTF8.GetBytes(submission.Code));
            var script = _state.Script.ContinueWith(source, _options.WithFilePath(cellPath));
            state = await script.RunFromAsync(_state, _ => true, cancellationToken);
        }
        catch (CompilationErrorException e)
        {
            ReportCompilationError(e, context);
            return;
        }

        _state = state;
        if (state.Exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // The host stopped the cell (timeout or Ctrl-C); it reports that itself.
            throw new OperationCanceledException(cancellationToken);
        }

        if (state.Exception is { } exception)
        {
            ReportException(exception, cellPath, context);
            return;
        }

        if (HasResult(state))
        {
            context.PublishResult(state.ReturnValue);
        }
    }

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
    };

    // A trailing expression of type void (e.g. Console.WriteLine("x") without semicolon) has no result to show.
    private static bool HasResult(ScriptState<object> state)
    {
        var compilation = state.Script.GetCompilation();
        var tree = compilation.SyntaxTrees.LastOrDefault();
        if (tree is null || CSharpSubmission.TrailingExpression(tree) is not { } expression)
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

    private async Task<bool> AddPackagesAsync(IReadOnlyList<PackageReference> requested, CellExecutionContext context, CancellationToken cancellationToken)
    {
        foreach (var package in requested)
        {
            if (_packages.TryGetValue(package.Name, out var loaded)
                && package.Version is not null && loaded.Version is not null
                && !package.Version.Contains('*', StringComparison.Ordinal)
                && !string.Equals(package.Version, loaded.Version, StringComparison.OrdinalIgnoreCase))
            {
                context.Fail(
                    new ErrorOutput("PackageVersionConflict", $"{package.Name} version {package.Version} cannot be added because version {loaded.Version} was added earlier in this run.", Array.Empty<string>()),
                    null);
                return false;
            }

            _packages.TryAdd(package.Name, package);
        }

        IReadOnlyList<string> assemblies;
        var watch = Stopwatch.StartNew();
        try
        {
            assemblies = await _restorer.RestoreAsync(_packages.Values.ToList(), cancellationToken);
        }
        catch (PackageRestoreException e)
        {
            context.Fail(new ErrorOutput(nameof(PackageRestoreException), e.Message, Array.Empty<string>()), null);
            return false;
        }

        var added = assemblies.Where(_packageAssemblies.Add).ToList();
        _options = _options.AddReferences(added.Select(path => MetadataReference.CreateFromFile(path)));
        context.Display(new Formatting.HtmlContent(string.Create(
            CultureInfo.InvariantCulture,
            $"<div class=\"nb-packages\">Installed packages: {System.Net.WebUtility.HtmlEncode(string.Join("; ", requested))} ({watch.ElapsedMilliseconds} ms)</div>")));
        return true;
    }

    private static void ReportCompilationError(CompilationErrorException e, CellExecutionContext context)
    {
        var errors = e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var lines = errors.Select(d =>
        {
            var position = d.Location.GetLineSpan().StartLinePosition;
            return string.Create(CultureInfo.InvariantCulture, $"line {position.Line + 1}, column {position.Character + 1}: error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}");
        }).ToList();
        var first = errors.FirstOrDefault();
        context.Fail(
            new ErrorOutput("CompilationError", lines.FirstOrDefault() ?? e.Message, lines),
            first is null ? null : first.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    private static void ReportException(Exception exception, string cellPath, CellExecutionContext context)
    {
        var line = new StackTrace(exception, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(f => string.Equals(f.GetFileName(), cellPath, StringComparison.Ordinal))?.GetFileLineNumber();
        var traceback = exception.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        context.Fail(
            new ErrorOutput(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, traceback),
            line is > 0 ? line : null);
    }
}
