namespace Research.Notebooks.Sessions;

/// <summary>
/// The input provider of a run without a person at the keyboard: every request fails the cell with a message naming
/// what was asked, because waiting would hang CI and guessing an answer would make results depend on it.
/// </summary>
public sealed class HeadlessInputProvider : IInputProvider
{
    /// <summary>What the message tells the user to do instead.</summary>
    public string Advice { get; init; } = "pass it as a parameter";

    /// <inheritdoc />
    public Task<string> GetInputAsync(InputRequest request, CancellationToken cancellationToken) =>
        Task.FromException<string>(new InputNotAvailableException(
            $"the cell asked for {request.Description}, but there is no input in a headless run: {Advice}."));
}
