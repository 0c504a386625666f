namespace Research.Data;

/// <summary>
/// Which tables of an extract <see cref="Extract.Load(string, ExtractTables)"/> loads. Validation always covers every
/// table; this only spares a caller the reading of tables it does not use (at national scale the survey responses are
/// a third of a whole extract's cached bytes).
/// </summary>
[Flags]
public enum ExtractTables
{
    /// <summary>The participants table.</summary>
    Participants = 1,

    /// <summary>The monthly register panel.</summary>
    RegisterMonths = 2,

    /// <summary>The survey responses.</summary>
    SurveyResponses = 4,

    /// <summary>Participants and their register months: what register outcomes need.</summary>
    Register = Participants | RegisterMonths,

    /// <summary>Every table, including any other the data package declares.</summary>
    All = Participants | RegisterMonths | SurveyResponses,
}
