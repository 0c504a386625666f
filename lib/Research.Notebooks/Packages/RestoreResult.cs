namespace Research.Notebooks.Packages;

/// <summary>What a NuGet restore produced.</summary>
/// <param name="Assemblies">Full paths of the runtime assemblies of the packages and their dependencies.</param>
/// <param name="Packages">The packages asked for with the versions resolved.</param>
/// <param name="Warnings">NuGet's warnings, e.g. NU1603 when a newer version than the one asked for was taken.</param>
public sealed record RestoreResult(IReadOnlyList<string> Assemblies, IReadOnlyList<RestoredPackage> Packages, IReadOnlyList<string> Warnings);
