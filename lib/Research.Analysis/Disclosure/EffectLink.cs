namespace Research.Analysis.Disclosure;

/// <summary>A published effect estimate that connects two shares of a group (see <see cref="ShareLink"/>): the arm and its control.</summary>
/// <param name="Group">The share group.</param>
/// <param name="Node">The arm's node.</param>
/// <param name="Other">The comparison's node (the control arm).</param>
public sealed record EffectLink(string Group, string Node, string Other);
