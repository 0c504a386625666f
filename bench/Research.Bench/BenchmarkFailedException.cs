namespace Research.Bench;

/// <summary>
/// A step a benchmark times did not succeed (a child process's non-zero exit, with its error output): the benchmark
/// stops and the runner prints the message, not a stack trace, since the figures of a failed run mean nothing.
/// </summary>
/// <param name="message">What failed, with the child's error output.</param>
public sealed class BenchmarkFailedException(string message) : Exception(message);
