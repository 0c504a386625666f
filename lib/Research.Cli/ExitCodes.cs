namespace Research.Cli;

/// <summary>Process exit codes shared by every verb.</summary>
public static class ExitCodes
{
    /// <summary>The verb did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The work ran but failed: invalid extracts, a failing cell, a result that does not reproduce.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself was wrong (unknown option, missing argument, bad value).</summary>
    public const int Usage = 2;
}
