using System.Globalization;
using Research.Analysis.Inference;
using Research.Data.Design;

namespace Research.Analysis.Tests.Inference;

/// <summary>
/// One site's effect data as the estimator's data path wrote it (Fixtures/Inference/groningen_effect_data.csv:
/// synthetic seed 7, Groningen, 890 persons in five arms, caseworker clusters, age strata), read back into
/// <see cref="EffectData"/>.
/// </summary>
internal static class GroningenFixture
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Inference");

    public static Experiment Experiment => ExperimentCatalog.Canonical["groningen"];

    /// <summary>The data of one outcome column.</summary>
    public static EffectData Load(string outcome)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "groningen_effect_data.csv"));
        var header = lines[0].Split(',').ToList();
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        string[] Text(string name) => rows.Select(r => r[header.IndexOf(name)]).ToArray();
        double[] Number(string name) => Text(name).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var experiment = Experiment;
        var covariates = new PrognosticCovariates(
            Number("prior_partial_share"), Number("earnings_prev_year"), Number("benefit_months"), Number("age"), Text("sex"),
            Text("education").Select(e => e.Length == 0 ? null : e).ToArray(), Text("migration"), Text("stratum"));
        return new EffectData
        {
            Experiment = experiment,
            OutcomeName = outcome,
            Outcome = Number(outcome),
            Arms = Text("arm").Select(a => experiment.Arm(a)!).ToArray(),
            Caseworkers = Text("caseworker"),
            TookUp = Text("took_up").Select(t => t == "1").ToArray(),
            Covariates = covariates,
        };
    }
}
