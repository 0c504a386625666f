using Research.Data.FileSystem;

namespace Research.Data.Tests.FileSystem;

public sealed class RealPathTests
{
    [Fact]
    public void Links_are_resolved_in_every_component_and_dotdot_applies_to_the_link_target()
    {
        var root = Scratch();
        var target = Directory.CreateDirectory(Path.Combine(root, "a", "b")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(root, "link"), target);

        Assert.Equal(Path.Combine(target, "file.txt"), RealPath.Of(Path.Combine(root, "link", "file.txt")));
        // The kernel reads link/.. as the parent of the link's target (a), not as root.
        Assert.Equal(Path.Combine(root, "a", "x"), RealPath.Of(Path.Combine(root, "link", "..", "x")));
        Assert.True(RealPath.IsWithin(Path.Combine(root, "link", "file.txt"), Path.Combine(root, "a")));
        Assert.False(RealPath.IsWithin(Path.Combine(root, "ab"), Path.Combine(root, "a")));
    }

    [Fact]
    public void A_link_loop_is_an_io_error_not_a_hang()
    {
        var root = Scratch();
        File.CreateSymbolicLink(Path.Combine(root, "one"), Path.Combine(root, "two"));
        File.CreateSymbolicLink(Path.Combine(root, "two"), Path.Combine(root, "one"));

        var e = Assert.Throws<IOException>(() => RealPath.Of(Path.Combine(root, "one", "x")));

        Assert.Contains("symbolic link", e.Message);
    }

    private static string Scratch() => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "research-tests", Guid.NewGuid().ToString("N"))).FullName;
}
