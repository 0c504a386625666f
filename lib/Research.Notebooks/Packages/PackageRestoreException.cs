namespace Research.Notebooks.Packages;

/// <summary>A NuGet restore that failed; the message carries the restore's own errors.</summary>
public sealed class PackageRestoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PackageRestoreException(string message)
        : base(message)
    {
    }
}
