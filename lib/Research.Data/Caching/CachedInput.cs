namespace Research.Data.Caching;

/// <summary>One file the extract cache was built from, as its manifest records it.</summary>
/// <param name="Name">The resource name (e.g. <c>register_months</c>) or, for other files, the file name (e.g. <c>experiments.json</c>).</param>
/// <param name="Path">Where it lies, relative to the extract directory, with <c>/</c> separators.</param>
/// <param name="Digest">The cache's digest of its bytes (XXH3-128, 32 hex digits).</param>
public sealed record CachedInput(string Name, string Path, string Digest);
