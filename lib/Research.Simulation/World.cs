namespace Research.Simulation;

/// <summary>Which data-generating process a replication draws from.</summary>
public enum World
{
    /// <summary>Every planted effect (register and wellbeing) is zero: rejection rates are sizes.</summary>
    NoEffects,

    /// <summary>The calibration's planted effects: intervals are checked against the truth.</summary>
    PlantedEffects,
}
