namespace Research.Data.Truth;

/// <summary>Planted effects of one municipality.</summary>
/// <param name="Municipality">Municipality key.</param>
/// <param name="Participants">Number of participants generated.</param>
/// <param name="Arms">The treatment arms.</param>
public sealed record MunicipalityTruth(string Municipality, int Participants, IReadOnlyList<ArmTruth> Arms);
