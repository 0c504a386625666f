namespace Research.Bench;

/// <summary>Where the repository is, for benchmarks that read its notebooks and peer files.</summary>
public static class Repository
{
    /// <summary>The directory holding <c>Research.sln</c> above the benchmark's binaries, or the current directory.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Research.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
