namespace Research.Pipeline.Tool;

/// <summary>A NuGet package and the version the build used.</summary>
/// <param name="Name">Package id.</param>
/// <param name="Version">Resolved version.</param>
public sealed record PackageVersion(string Name, string Version);
