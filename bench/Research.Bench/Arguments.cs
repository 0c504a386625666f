namespace Research.Bench;

/// <summary>Reads <c>--name value</c> options of a benchmark's arguments.</summary>
public static class Arguments
{
    /// <summary>The value after <paramref name="name"/>, or null when it is not given.</summary>
    public static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
