namespace Research.Data.Design;

/// <summary>The components an arm can change relative to the regular regime.</summary>
public enum InterventionType
{
    /// <summary>Exemption from work and re-integration obligations (ontheffing).</summary>
    Exemption,

    /// <summary>More intensive guidance (intensivering).</summary>
    Intensification,

    /// <summary>A larger earnings disregard (vrijlating).</summary>
    EarningsDisregard,

    /// <summary>The participant chose one of the components (Groningen's individueel maatwerk): not randomised between components.</summary>
    Choice,
}
