namespace Research.Analysis.Results;

/// <summary>Names of the numbers a result row commonly carries, so result files read the same across tables.</summary>
public static class ResultValue
{
    /// <summary>Point estimate.</summary>
    public const string Estimate = "estimate";

    /// <summary>Standard error.</summary>
    public const string StandardError = "se";

    /// <summary>Lower confidence limit.</summary>
    public const string CiLow = "ci_low";

    /// <summary>Upper confidence limit.</summary>
    public const string CiHigh = "ci_high";

    /// <summary>Two-sided p-value.</summary>
    public const string PValue = "p";

    /// <summary>Two-sided p-value adjusted for multiplicity (Holm) within its family.</summary>
    public const string AdjustedP = "p_holm";

    /// <summary>The p-value adjusted by Benjamini–Hochberg (false discovery rate) across a family of secondary outcomes.</summary>
    public const string BenjaminiHochbergP = "p_bh";

    /// <summary>Number of persons the number is based on.</summary>
    public const string N = "n";
}
