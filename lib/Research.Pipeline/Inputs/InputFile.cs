namespace Research.Pipeline.Inputs;

/// <summary>One input of the reports: a data-package resource or another file of the extract directory.</summary>
/// <param name="Name">The resource name (e.g. <c>participants</c>) or, for other files, the file name (e.g. <c>truth.json</c>).</param>
/// <param name="Path">Where it lies, relative to the extract directory (with <c>..</c> for an allowed external resource).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of its bytes.</param>
public sealed record InputFile(string Name, string Path, string Sha256);
