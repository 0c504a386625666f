using System.Globalization;
using Research.Analysis.Results;

namespace Research.Analysis.Synthesis;

/// <summary>
/// One intention-to-treat estimate as a municipal report recorded it: a site's arm against its control arm on one
/// outcome at one horizon. Numbers withheld by disclosure control are <see langword="null"/>.
/// </summary>
/// <param name="Site">Municipality key.</param>
/// <param name="Arm">Arm code.</param>
/// <param name="ArmNameNl">The municipality's Dutch name for the arm.</param>
/// <param name="Type">Intervention type the synthesis groups the arm under (exemption, intensification, earnings_disregard, combination, choice).</param>
/// <param name="Outcome">Outcome key, e.g. <c>partial_full_outflow</c>.</param>
/// <param name="HorizonMonths">Months after randomisation.</param>
/// <param name="Estimate">ITT estimate (difference in shares).</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="CiLow">Lower 95% limit as recorded.</param>
/// <param name="CiHigh">Upper 95% limit as recorded.</param>
/// <param name="PValue">Two-sided p-value as recorded.</param>
/// <param name="N">Persons in the regression.</param>
/// <param name="NArm">Persons in the arm.</param>
/// <param name="NControl">Persons in the control arm.</param>
/// <param name="ControlMean">Share in the outcome in the control arm.</param>
public sealed record SiteEstimate(
    string Site,
    string Arm,
    string ArmNameNl,
    string Type,
    string Outcome,
    int HorizonMonths,
    double? Estimate,
    double? StandardError,
    double? CiLow,
    double? CiHigh,
    double? PValue,
    double? N,
    double? NArm,
    double? NControl,
    double? ControlMean)
{
    /// <summary>The degrees of freedom of the recorded interval (the CR2 Satterthwaite df); null when not recorded.</summary>
    public double? DegreesOfFreedom { get; init; }

    /// <summary>Whether the estimate or its standard error was withheld, so the site cannot enter a pooled analysis.</summary>
    public bool IsWithheld => Estimate is null || StandardError is null;

    /// <summary>Reads a row of an <c>itt</c>/<c>itt_clustered</c> table (labels arm, arm_name_nl, arm_type, outcome, horizon).</summary>
    /// <exception cref="InvalidDataException">A label is missing or the horizon is not a whole number; the message names site and row.</exception>
    public static SiteEstimate FromRow(string site, ResultRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        string Label(string name) => row.Labels.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new InvalidDataException($"{site}: row '{row.Key}' has no label '{name}' (expected labels arm, arm_name_nl, arm_type, outcome, horizon)");
        double? Value(string name) => row.Values.TryGetValue(name, out var value) ? value : null;
        var horizonText = Label("horizon");
        if (!int.TryParse(horizonText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var horizon))
        {
            throw new InvalidDataException($"{site}: row '{row.Key}' has horizon '{horizonText}'; expected whole months");
        }

        return new SiteEstimate(site, Label("arm"), Label("arm_name_nl"), Label("arm_type"), Label("outcome"), horizon,
            Value(ResultValue.Estimate), Value(ResultValue.StandardError), Value(ResultValue.CiLow), Value(ResultValue.CiHigh),
            Value(ResultValue.PValue), Value(ResultValue.N), Value("n_arm"), Value("n_control"), Value("control_mean"))
        {
            DegreesOfFreedom = Value("df"),
        };
    }
}
