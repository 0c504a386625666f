using Research.Statistics.Inference;

namespace Research.Analysis.Reports;

/// <summary>The test that response to a survey wave does not differ between the arms.</summary>
/// <param name="Wave">The survey wave.</param>
/// <param name="Test">The HC2 Wald F test of the arm dummies; null when everyone (or no one) responded.</param>
/// <param name="N">Persons randomised.</param>
public sealed record ResponseTest(int Wave, WaldTestResult? Test, int N);
