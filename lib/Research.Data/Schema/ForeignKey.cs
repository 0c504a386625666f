namespace Research.Data.Schema;

/// <summary>A foreign key: <see cref="Fields"/> of this table must appear as <see cref="ReferencedFields"/> of <see cref="ReferencedResource"/>.</summary>
public sealed record ForeignKey(IReadOnlyList<string> Fields, string ReferencedResource, IReadOnlyList<string> ReferencedFields);
