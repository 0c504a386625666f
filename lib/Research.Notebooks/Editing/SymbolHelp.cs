namespace Research.Notebooks.Editing;

/// <summary>What a front end shows for the symbol under the cursor (Jupyter's <c>inspect_reply</c>).</summary>
/// <param name="Signature">The declaration as code, e.g. <c>void Console.WriteLine(string? value)</c>.</param>
/// <param name="Summary">The XML-doc summary as plain text, or null when the symbol has no documentation.</param>
/// <param name="Overloads">How many other overloads share the name.</param>
public sealed record SymbolHelp(string Signature, string? Summary, int Overloads);
