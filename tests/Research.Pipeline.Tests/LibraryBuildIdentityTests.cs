using Research.Pipeline.Tests.Support;
using Research.Pipeline.Tool;

namespace Research.Pipeline.Tests;

/// <summary>The cheap identity of a library build: what names a build's JIT profiles.</summary>
public sealed class LibraryBuildIdentityTests
{
    private static readonly string Pipeline = typeof(LibraryBuildIdentity).Assembly.Location;
    private static readonly string Data = typeof(Research.Data.FileSystem.ContentHash).Assembly.Location;

    [Fact]
    public void The_same_assemblies_in_another_folder_have_the_same_identity()
    {
        var one = Tool(("Research.A.dll", Pipeline), ("Research.B.dll", Data));
        var two = Tool(("Research.A.dll", Pipeline), ("Research.B.dll", Data));

        Assert.Matches("^[0-9a-f]{64}$", LibraryBuildIdentity.Of(one));
        Assert.Equal(LibraryBuildIdentity.Of(one), LibraryBuildIdentity.Of(two));
    }

    [Fact]
    public void Another_build_of_one_assembly_is_another_identity()
    {
        var before = Tool(("Research.A.dll", Pipeline), ("Research.B.dll", Data));
        var after = Tool(("Research.A.dll", Data), ("Research.B.dll", Data));

        Assert.NotEqual(LibraryBuildIdentity.Of(before), LibraryBuildIdentity.Of(after));
    }

    [Fact]
    public void Test_assemblies_and_other_files_beside_the_tool_are_not_part_of_it()
    {
        var plain = Tool(("Research.A.dll", Pipeline));
        var withOthers = Tool(("Research.A.dll", Pipeline), ("Research.A.Tests.dll", Data), ("Other.dll", Data));

        Assert.Equal(LibraryBuildIdentity.Of(plain), LibraryBuildIdentity.Of(withOthers));
    }

    [Fact]
    public void A_file_that_is_not_a_dotnet_module_is_an_error_not_an_identity()
    {
        var directory = Tool(("Research.A.dll", Pipeline));
        File.WriteAllText(Path.Combine(directory, "Research.Broken.dll"), "not a module");

        Assert.Throws<BadImageFormatException>(() => LibraryBuildIdentity.Of(directory));
    }

    private static string Tool(params (string Name, string From)[] assemblies)
    {
        var directory = Scratch.Directory();
        foreach (var (name, from) in assemblies)
        {
            File.Copy(from, Path.Combine(directory, name));
        }

        return directory;
    }
}
