using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Research.Pipeline.Hashing;

namespace Research.Pipeline.Tool;

/// <summary>
/// A cheap name for one build of the Research assemblies beside the tool: a hash over each assembly's module version id
/// (the GUID the compiler gives every build of a module), read from the metadata alone.
/// </summary>
/// <remarks>
/// For what a build leaves on this machine (its JIT profiles), not for provenance: <see cref="ToolFingerprint.LibraryBuild"/>
/// hashes every byte, which costs tens of milliseconds that a process's start-up should not pay. Immutable and
/// thread-safe.
/// </remarks>
public static class LibraryBuildIdentity
{
    /// <summary>The identity of the build in <paramref name="directory"/>: 64 hexadecimal digits.</summary>
    /// <exception cref="IOException">An assembly could not be read.</exception>
    /// <exception cref="BadImageFormatException">An assembly is not a .NET module.</exception>
    public static string Of(string directory) =>
        FileHash.Combine(ToolFingerprint.LibraryFiles(directory).Select(f => $"{Path.GetFileName(f)} {ModuleVersionId(f):N}"));

    private static Guid ModuleVersionId(string file)
    {
        using var pe = new PEReader(File.OpenRead(file));
        var metadata = pe.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }
}
