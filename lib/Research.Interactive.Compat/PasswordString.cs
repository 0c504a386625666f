namespace Microsoft.DotNet.Interactive;

/// <summary>
/// A secret answered to <see cref="Kernel.GetPasswordAsync"/>: it never shows itself (in an output, a log or
/// <c>#!whos</c>); <see cref="GetClearTextPassword"/> gives the text to code that needs it.
/// </summary>
public sealed class PasswordString
{
    private readonly string _password;

    /// <summary>Wraps <paramref name="password"/>.</summary>
    public PasswordString(string password) => _password = password;

    /// <summary>The secret itself.</summary>
    public string GetClearTextPassword() => _password;

    /// <summary>A fixed mask, so displaying the value reveals nothing, not even its length.</summary>
    public override string ToString() => "************";
}
