using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Research.Notebooks.Editing;

namespace Research.Notebooks.Kernels;

/// <summary>
/// Completion and inspection for C# cells with Roslyn's own editor services (<see cref="CompletionService"/> from
/// Microsoft.CodeAnalysis.CSharp.Features) over the live script state. The kernel's chain of submissions is mirrored
/// into a workspace as a chain of submission projects, one per executed cell, each sharing the metadata the kernel
/// already loaded; the code being edited is one more submission at the end. Only cells run since the last request
/// are added, so a request costs what the code being edited costs.
/// </summary>
/// <remarks>Thread safe: the workspace is brought up to date under a lock; Roslyn's snapshots are immutable.</remarks>
internal sealed class CSharpLanguageServices
{
    private readonly Func<CancellationToken, Task<Submission>> _liveScript;
    private readonly CSharpParseOptions _parseOptions;
    private readonly object _gate = new();
    private readonly DocumentationFiles _documentation = new();
    private Solution? _solution;
    private Submission? _head;
    private ProjectId? _headProject;
    private ProjectId? _editProject;
    private DocumentId? _editDocument;
    private int _submissions;

    /// <summary>Creates the services over the submission that <paramref name="liveScript"/> returns (the kernel's current state).</summary>
    public CSharpLanguageServices(Func<CancellationToken, Task<Submission>> liveScript, CSharpParseOptions parseOptions)
    {
        _liveScript = liveScript;
        _parseOptions = parseOptions;
    }

    /// <summary>Whether <paramref name="code"/> is a complete submission, from the syntax tree alone.</summary>
    public static CodeCompleteness IsComplete(string code, CSharpParseOptions options)
    {
        var text = CSharpEditing.BlankHostLines(code);
        if (string.IsNullOrWhiteSpace(text))
        {
            return CodeCompleteness.Complete;
        }

        var tree = CSharpSyntaxTree.ParseText(text, options);
        if (!SyntaxFactory.IsCompleteSubmission(tree))
        {
            return new CodeCompleteness(CompletenessStatus.Incomplete, new string(' ', 4 * CSharpEditing.OpenDepth(tree)));
        }

        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? CodeCompleteness.Invalid : CodeCompleteness.Complete;
    }

    /// <summary>Roslyn's completions at <paramref name="position"/>, narrowed to those starting with what is typed there.</summary>
    public async Task<CodeCompletions> CompleteAsync(string code, int position, CancellationToken cancellationToken)
    {
        position = Math.Clamp(position, 0, code.Length);
        var document = await EditedDocumentAsync(code, cancellationToken).ConfigureAwait(false);
        if (CompletionService.GetService(document) is not { } service)
        {
            return CodeCompletions.None(position);
        }

        var list = await service.GetCompletionsAsync(document, position, cancellationToken: cancellationToken).ConfigureAwait(false);
        var start = Math.Min(list.Span.Start, position);
        var typed = code[start..position];
        var items = list.ItemsList
            .Where(item => item.FilterText.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .OrderBy(item => !item.FilterText.StartsWith(typed, StringComparison.Ordinal))
            .ThenBy(item => item.SortText, StringComparer.OrdinalIgnoreCase)
            .Select(item => new CodeCompletion(item.Properties.TryGetValue("InsertionText", out var insert) ? insert : item.DisplayText, CSharpEditing.Kind(item.Tags)))
            .DistinctBy(item => item.Text, StringComparer.Ordinal)
            .ToList();
        return new CodeCompletions(start, Math.Max(list.Span.End, position), items);
    }

    /// <summary>The symbol at <paramref name="position"/>, or at the name before it (<c>Console.WriteLine(|</c>).</summary>
    public async Task<SymbolHelp?> InspectAsync(string code, int position, CancellationToken cancellationToken)
    {
        position = Math.Clamp(position, 0, code.Length);
        var document = await EditedDocumentAsync(code, cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return null;
        }

        var symbol = CSharpEditing.SymbolNear(model, position, cancellationToken);
        return symbol is null ? null : CSharpEditing.Help(symbol);
    }

    // The edited code as a submission after the live state, mirroring cells run since the last request first.
    private async Task<Document> EditedDocumentAsync(string code, CancellationToken cancellationToken)
    {
        var live = await _liveScript(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            var solution = Mirror(live).WithDocumentText(_editDocument!, SourceText.From(CSharpEditing.BlankHostLines(code)));
            _solution = solution;
            return solution.GetDocument(_editDocument!)!;
        }
    }

    private Solution Mirror(Submission live)
    {
        if (ReferenceEquals(live, _head) && _solution is not null)
        {
            return _solution;
        }

        var pending = new Stack<Submission>();
        var reached = live;
        for (; reached is not null && !ReferenceEquals(reached, _head); reached = reached.Previous)
        {
            pending.Push(reached);
        }

        if (reached is null && _head is not null)
        {
            // The chain no longer contains what was mirrored (a new kernel state): start over.
            (_solution, _head, _headProject, _editProject) = (null, null, null, null);
            return Mirror(live);
        }

        // The workspace only provides the editor services (composed once per process); the solution holds everything else.
        var solution = _solution ?? new AdhocWorkspace().CurrentSolution;
        if (_editProject is { } edit)
        {
            solution = solution.RemoveProject(edit);
        }

        while (pending.TryPop(out var submission))
        {
            var compilation = submission.Compilation;
            var id = ProjectId.CreateNewId();
            solution = AddSubmission(solution, id, compilation, compilation.ExternalReferences.Select(_documentation.Attach), submission.Code);
            (_head, _headProject) = (submission, id);
        }

        _editProject = ProjectId.CreateNewId();
        solution = AddSubmission(solution, _editProject, _head!.Compilation, Array.Empty<MetadataReference>(), string.Empty);
        _editDocument = solution.GetProject(_editProject)!.DocumentIds[0];
        return solution;
    }

    private Solution AddSubmission(Solution solution, ProjectId id, Compilation compilation, IEnumerable<MetadataReference> references, string code)
    {
        var name = $"submission{++_submissions}";
        var info = ProjectInfo.Create(
            id,
            VersionStamp.Create(),
            name,
            name,
            LanguageNames.CSharp,
            compilationOptions: compilation.Options,
            parseOptions: _parseOptions,
            metadataReferences: references,
            projectReferences: _headProject is { } previous && previous != id ? new[] { new ProjectReference(previous) } : null,
            isSubmission: true,
            hostObjectType: typeof(ScriptGlobals));
        return solution.AddProject(info).AddDocument(DocumentId.CreateNewId(id), name + ".csx", SourceText.From(code));
    }

    // XML documentation files for the references: next to the assembly (the project's libraries, NuGet packages), or
    // the .NET reference pack's for the runtime's own assemblies, which ship without them.
    private sealed class DocumentationFiles
    {
        private readonly Lazy<string?> _referencePack = new(FindReferencePack);

        public MetadataReference Attach(MetadataReference reference)
        {
            if (reference is not PortableExecutableReference { FilePath: { } path } executable
                || Find(path) is not { } xml
                || executable.GetMetadata() is not AssemblyMetadata metadata)
            {
                return reference;
            }

            return metadata.GetReference(XmlDocumentationProvider.CreateFromFile(xml), executable.Properties.Aliases, executable.Properties.EmbedInteropTypes, path);
        }

        private string? Find(string assembly)
        {
            var beside = Path.ChangeExtension(assembly, ".xml");
            if (File.Exists(beside))
            {
                return beside;
            }

            if (_referencePack.Value is not { } pack)
            {
                return null;
            }

            // The core library's types are documented under the facade that exposes them.
            var name = Path.GetFileNameWithoutExtension(assembly);
            var xml = Path.Combine(pack, (name == "System.Private.CoreLib" ? "System.Runtime" : name) + ".xml");
            return File.Exists(xml) ? xml : null;
        }

        private static string? FindReferencePack()
        {
            // <root>/shared/Microsoft.NETCore.App/<version>/ -> <root>/packs/Microsoft.NETCore.App.Ref/<version>/ref/net<major>.<minor>/
            var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar));
            var root = runtime.Parent?.Parent?.Parent;
            var packs = root is null ? null : new DirectoryInfo(Path.Combine(root.FullName, "packs", "Microsoft.NETCore.App.Ref"));
            var framework = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
            return packs is { Exists: true }
                ? packs.EnumerateDirectories()
                    .Select(d => Path.Combine(d.FullName, "ref", framework))
                    .Where(Directory.Exists)
                    .OrderByDescending(d => d, StringComparer.Ordinal)
                    .FirstOrDefault()
                : null;
        }
    }
}
