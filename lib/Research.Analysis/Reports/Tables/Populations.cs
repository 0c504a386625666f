using System.Globalization;
using Research.Analysis.Disclosure;
using Research.Data.Design;

namespace Research.Analysis.Reports.Tables;

/// <summary>
/// The populations the municipal tables count, named alike in every table so that disclosure control sees the same
/// group wherever it is published: <c>arm=…</c>, <c>took_up=1</c>, <c>in_register=1</c>, <c>responded_w{k}=1</c>,
/// a baseline indicator <c>{covariate}=1</c>, and <c>outflow_{outcome}=1</c> (a first outflow within the follow-up).
/// </summary>
public static class Populations
{
    /// <summary>The persons of <paramref name="arm"/>.</summary>
    public static Population Arm(ExperimentArm arm) => Population.All.Where("arm", arm.Code);

    /// <summary>The persons of <paramref name="arm"/> (or everyone) who reached <paramref name="stage"/> of the flow.</summary>
    public static Population Stage(FlowStage stage, ExperimentArm? arm)
    {
        var everyone = arm is null ? Population.All : Arm(arm);
        return stage.Key == "randomised" ? everyone : everyone.Where(stage.Key, "1");
    }

    /// <summary>The persons of <paramref name="arm"/> with (<paramref name="with"/>) or without the 0/1 characteristic <paramref name="covariate"/>.</summary>
    public static Population Characteristic(ExperimentArm arm, string covariate, bool with) => Arm(arm).Where(covariate, with ? "1" : "0");

    /// <summary>The persons of <paramref name="arm"/> (or everyone) who did, or did not, respond to survey wave <paramref name="wave"/>.</summary>
    public static Population Responded(ExperimentArm? arm, int wave, bool responded) =>
        (arm is null ? Population.All : Arm(arm)).Where(string.Create(CultureInfo.InvariantCulture, $"responded_w{wave}"), responded ? "1" : "0");

    /// <summary>The persons of <paramref name="arm"/> with a first outflow into <paramref name="outcome"/> within the follow-up.</summary>
    public static Population Outflow(ExperimentArm arm, ReportOutcome outcome) => Arm(arm).Where($"outflow_{outcome.Key}", "1");

    /// <summary>The values of every dimension that is not 0/1: the arms.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Domains(Experiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        return new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["arm"] = [.. experiment.Arms.Select(a => a.Code)] };
    }
}
