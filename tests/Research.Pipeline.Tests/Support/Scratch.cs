namespace Research.Pipeline.Tests.Support;

/// <summary>Fresh temporary directories.</summary>
public static class Scratch
{
    public static string Directory() =>
        System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "research-pipeline-tests", Guid.NewGuid().ToString("N"))).FullName;
}
