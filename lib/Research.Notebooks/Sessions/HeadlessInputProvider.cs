namespace Research.Notebooks.Sessions;

/// <summary>
/// The input provider of a run without a person at the keyboard. A request that names a value
/// (<c>@input:name</c>, <c>#!set --name x --value @input:…</c>, <c>GetInputAsync("prompt")</c>) is answered from
/// <see cref="Answers"/>, which a host fills from its parameters (<c>research run -p name=value</c>); anything else
/// fails the cell with a message naming the parameter to pass, because waiting would hang CI and guessing an answer
/// would make results depend on it.
/// </summary>
public sealed class HeadlessInputProvider : IInputProvider
{
    /// <summary>Creates a provider with no answers.</summary>
    public HeadlessInputProvider()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>Creates a provider answering from <paramref name="answers"/> (parameter name → value, matched ordinally).</summary>
    public HeadlessInputProvider(IReadOnlyDictionary<string, string> answers) => Answers = answers;

    /// <summary>The answers by parameter name.</summary>
    public IReadOnlyDictionary<string, string> Answers { get; }

    /// <summary>What the message tells the user to do instead, when the request names no parameter.</summary>
    public string Advice { get; init; } = "pass it as a parameter";

    /// <inheritdoc />
    public Task<string> GetInputAsync(InputRequest request, CancellationToken cancellationToken)
    {
        if (request.Name is { } name && Answers.TryGetValue(name, out var named))
        {
            return Task.FromResult(named);
        }

        if (request.Prompt.Length > 0 && Answers.TryGetValue(request.Prompt, out var prompted))
        {
            return Task.FromResult(prompted);
        }

        var advice = request.ParameterName is { } parameter
            ? $"pass it as a parameter: -p {Quote(parameter + "=VALUE")}"
            : Advice;
        return Task.FromException<string>(new InputNotAvailableException(
            $"the cell asked for {request.Description}, but there is no input in a headless run: {advice}."));
    }

    private static string Quote(string argument) => argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? "\"" + argument.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : argument;
}
