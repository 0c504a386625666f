namespace Research.Notebooks.Values;

/// <summary>A variable of a kernel: its name, declared type and current value.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="Type">The declared (static) type.</param>
/// <param name="Value">The value now.</param>
public sealed record KernelVariable(string Name, Type Type, object? Value);
