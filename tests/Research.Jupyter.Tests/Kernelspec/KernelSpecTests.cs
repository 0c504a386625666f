using Research.Jupyter.Kernelspec;

namespace Research.Jupyter.Tests.Kernelspec;

public sealed class KernelSpecTests
{
    [Fact]
    public void The_default_kernelspec_is_the_one_net_interactive_notebooks_name()
    {
        var json = new KernelSpec(KernelSpec.DefaultName, ["/opt/research", "kernel", "--connection-file", KernelSpec.ConnectionFilePlaceholder]).ToJson();
        Assert.Equal(".net-csharp", KernelSpec.DefaultName);
        Assert.Equal(".NET (C#)", json["display_name"]!.GetValue<string>());
        Assert.Equal("C#", json["language"]!.GetValue<string>());
        Assert.Equal("message", json["interrupt_mode"]!.GetValue<string>());
        Assert.Equal("{connection_file}", json["argv"]![3]!.GetValue<string>());
        Assert.Null(json["env"]);
    }

    [Theory]
    [InlineData(".net-csharp", true)]
    [InlineData("research_2", true)]
    [InlineData("../escape", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    public void Only_names_jupyter_accepts_are_valid(string name, bool valid) => Assert.Equal(valid, KernelSpec.IsValidName(name));

    [Fact]
    public void Install_writes_kernel_json_and_both_logos_and_uninstall_removes_them()
    {
        var root = Directory.CreateTempSubdirectory("kernelspec-").FullName;
        try
        {
            var folder = KernelSpecInstaller.Install(new KernelSpec("x-test", ["research"]), root);
            Assert.True(File.Exists(Path.Combine(folder, "kernel.json")));
            Assert.Equal([137, 80, 78, 71], File.ReadAllBytes(Path.Combine(folder, "logo-32x32.png"))[..4]);
            Assert.Equal([137, 80, 78, 71], File.ReadAllBytes(Path.Combine(folder, "logo-64x64.png"))[..4]);
            Assert.Equal([folder], KernelSpecInstaller.Uninstall("x-test", [root]));
            Assert.False(Directory.Exists(folder));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
