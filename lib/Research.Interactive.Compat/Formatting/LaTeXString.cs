using Research.Notebooks;
using Research.Notebooks.Formatting;

namespace Microsoft.DotNet.Interactive.Formatting;

/// <summary>LaTeX source shown as <c>text/latex</c> (front ends render it with MathJax/KaTeX), e.g. <c>(LaTeXString)@"\begin{align}…"</c>.</summary>
public sealed class LaTeXString : IMimeFormattable
{
    private readonly string _latex;

    /// <summary>Wraps <paramref name="latexCode"/>.</summary>
    public LaTeXString(string latexCode) => _latex = latexCode ?? throw new ArgumentNullException(nameof(latexCode));

    /// <summary>Wraps <paramref name="latexCode"/>, so a cast or an assignment from a string works as in .NET Interactive.</summary>
    public static implicit operator LaTeXString(string latexCode) => new(latexCode);

    /// <summary>The LaTeX source.</summary>
    public override string ToString() => _latex;

    /// <inheritdoc />
    public MimeBundle ToMimeBundle(Research.Notebooks.Formatting.FormatContext context) =>
        new MimeBundle().Set("text/latex", _latex).Set(MimeBundle.PlainText, _latex);
}
