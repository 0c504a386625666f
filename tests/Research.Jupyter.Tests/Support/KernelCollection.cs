namespace Research.Jupyter.Tests.Support;

/// <summary>The tests that share one installed kernelspec.</summary>
[CollectionDefinition(Name)]
public sealed class KernelCollection : ICollectionFixture<InstalledKernel>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "installed kernel";
}
