namespace Research.Pipeline.Running;

/// <summary>How to start the <c>research</c> tool as a child process: the executable and the arguments before the verb.</summary>
/// <param name="FileName">The executable (the <c>research</c> apphost, or <c>dotnet</c>).</param>
/// <param name="Arguments">Arguments before the verb (e.g. the path of <c>research.dll</c> under <c>dotnet</c>).</param>
public sealed record ChildCommand(string FileName, IReadOnlyList<string> Arguments);
