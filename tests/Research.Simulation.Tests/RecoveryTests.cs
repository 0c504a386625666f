using System.Globalization;
using Xunit.Abstractions;

namespace Research.Simulation.Tests;

/// <summary>
/// The recovery check looks at bias, not only coverage: over 40 draws of Utrecht and Groningen, the reports' estimator
/// centres on each arm's planted ITT, while an estimator that returns zero or flips the sign fails the same check.
/// </summary>
public sealed class RecoveryTests(ITestOutputHelper output)
{
    private static readonly RecoveryOptions Options = new() { Seeds = 40 };

    [Fact]
    public void The_reports_estimator_centres_on_every_planted_effect()
    {
        var result = RecoveryCheck.Run(RecoveryCheck.ReportsEstimator, Options);

        foreach (var arm in result.Arms)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{arm.Experiment.Municipality} {arm.Arm.Code}: truth {arm.MeanTruth:F4}, mean estimate {arm.MeanEstimate:F4}, z = {arm.Z:F2}"));
        }

        // Utrecht's three and Groningen's four treatment arms, each over all 40 draws.
        Assert.Equal(7, result.Arms.Count);
        Assert.All(result.Arms, a => Assert.Equal(40, a.Replications));
        Assert.True(result.Passed, string.Join("; ", result.Failing.Select(a => $"{a.Arm.Code} z = {a.Z:F1}")));
        Assert.Contains(result.Arms, a => a.MeanTruth > 0.07);
    }

    [Fact]
    public void An_estimator_that_returns_zero_fails_the_check()
    {
        var result = RecoveryCheck.Run(data => data.Experiment.TreatmentArms.Select(_ => 0.0).ToList(), Options with { Seeds = 10 });

        Assert.False(result.Passed);
        Assert.Contains(result.Failing, a => a.Arm.Code == "met_extra_hulp");
    }

    [Fact]
    public void An_estimator_that_flips_the_sign_fails_the_check()
    {
        var result = RecoveryCheck.Run(data => RecoveryCheck.ReportsEstimator(data).Select(e => -e).ToList(), Options with { Seeds = 10 });

        Assert.False(result.Passed);
        Assert.Contains(result.Failing, a => a.Arm.Code is "met_extra_hulp" or "werken_loont");
    }
}
