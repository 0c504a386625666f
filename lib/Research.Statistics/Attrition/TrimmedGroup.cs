namespace Research.Statistics.Attrition;

/// <summary>Which group's observed outcomes Lee's procedure trims: the one with the higher response rate.</summary>
public enum TrimmedGroup
{
    /// <summary>Treatment raised response: the treated respondents are trimmed.</summary>
    Treated,

    /// <summary>Treatment lowered response: the control respondents are trimmed.</summary>
    Control,
}
