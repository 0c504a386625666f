namespace Research.Analysis.Reports;

/// <summary>A stage of the participant flow (CONSORT).</summary>
/// <param name="Key">Identifier in result files: <c>invited</c>, <c>randomised</c>, <c>took_up</c>, <c>in_register</c>, <c>responded_w{k}</c>.</param>
/// <param name="Label">How the report names the stage.</param>
/// <param name="IncludesControl">Whether the control arm passes through the stage (not for taking up an intervention).</param>
public sealed record FlowStage(string Key, string Label, bool IncludesControl);
