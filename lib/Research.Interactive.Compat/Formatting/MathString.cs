using Research.Notebooks;
using Research.Notebooks.Formatting;

namespace Microsoft.DotNet.Interactive.Formatting;

/// <summary>A mathematical formula (LaTeX math mode) shown as display math, <c>$$…$$</c> in <c>text/latex</c>.</summary>
public sealed class MathString : IMimeFormattable
{
    private readonly string _math;

    /// <summary>Wraps <paramref name="latexCode"/> (math-mode LaTeX without delimiters).</summary>
    public MathString(string latexCode) => _math = latexCode ?? throw new ArgumentNullException(nameof(latexCode));

    /// <summary>Wraps <paramref name="latexCode"/>, so a cast or an assignment from a string works as in .NET Interactive.</summary>
    public static implicit operator MathString(string latexCode) => new(latexCode);

    /// <summary>The formula in display-math delimiters.</summary>
    public override string ToString() => "$$" + _math + "$$";

    /// <inheritdoc />
    public MimeBundle ToMimeBundle(Research.Notebooks.Formatting.FormatContext context) =>
        new MimeBundle().Set("text/latex", ToString()).Set(MimeBundle.PlainText, ToString());
}
