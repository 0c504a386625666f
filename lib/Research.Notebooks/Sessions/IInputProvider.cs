namespace Research.Notebooks.Sessions;

/// <summary>
/// Answers a cell's requests for input: <c>Console.ReadLine()</c>, <c>Console.In</c> and <c>GetInputAsync</c> inside
/// a cell come here. A host supplies one per session (<see cref="Execution.NotebookHostOptions.Input"/>) or per
/// execution (<see cref="CellRequest.Input"/>): a Jupyter kernel sends <c>input_request</c> and waits for the reply;
/// a headless run refuses (<see cref="HeadlessInputProvider"/>) or answers from parameters.
/// </summary>
public interface IInputProvider
{
    /// <summary>
    /// The answer to <paramref name="request"/>. Called on the cell's thread, which waits for it; throw (for example
    /// <see cref="InputNotAvailableException"/>) to fail the cell. <paramref name="cancellationToken"/> is cancelled
    /// when the cell is interrupted.
    /// </summary>
    Task<string> GetInputAsync(InputRequest request, CancellationToken cancellationToken);
}
