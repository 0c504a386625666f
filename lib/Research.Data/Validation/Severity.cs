namespace Research.Data.Validation;

/// <summary>How serious a validation issue is.</summary>
public enum Severity
{
    /// <summary>The extract is invalid; analyses must not run on it.</summary>
    Error,

    /// <summary>Worth a look but not invalid (e.g. a participant who could not be linked to the register).</summary>
    Warning,
}
