namespace Research.Analysis.Reports;

/// <summary>A characteristic that divides the participants into subgroups, with each participant's subgroup.</summary>
/// <param name="Key">Identifier, e.g. <c>age</c>.</param>
/// <param name="Label">How the report names it.</param>
/// <param name="Levels">The subgroups in order.</param>
/// <param name="LevelOf">Per panel person, the subgroup (null: unknown).</param>
public sealed record SubgroupDimension(string Key, string Label, IReadOnlyList<string> Levels, Func<int, string?> LevelOf);
