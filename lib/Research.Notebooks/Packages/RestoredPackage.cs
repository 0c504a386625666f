namespace Research.Notebooks.Packages;

/// <summary>A package a notebook asked for and the version NuGet resolved for it.</summary>
/// <param name="Name">The package id as the notebook wrote it.</param>
/// <param name="Requested">The version or range asked for (<c>*</c> when none was given).</param>
/// <param name="Resolved">The version NuGet resolved, or null when the package is not in the restore's result.</param>
public sealed record RestoredPackage(string Name, string Requested, string? Resolved);
