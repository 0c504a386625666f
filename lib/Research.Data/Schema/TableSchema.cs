namespace Research.Data.Schema;

/// <summary>A Frictionless Table Schema: fields, keys and missing-value tokens.</summary>
public sealed record TableSchema
{
    /// <summary>The fields in their declared order.</summary>
    public required IReadOnlyList<TableField> Fields { get; init; }

    /// <summary>Field names forming the primary key (empty when none).</summary>
    public IReadOnlyList<string> PrimaryKey { get; init; } = [];

    /// <summary>Foreign keys into other resources of the package.</summary>
    public IReadOnlyList<ForeignKey> ForeignKeys { get; init; } = [];

    /// <summary>Tokens meaning "missing" for every field that does not declare its own.</summary>
    public IReadOnlyList<string> MissingValues { get; init; } = [""];

    /// <summary>The field called <paramref name="name"/>, or <see langword="null"/>.</summary>
    public TableField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>The missing-value tokens in force for <paramref name="field"/>.</summary>
    public IReadOnlyList<string> MissingValuesOf(TableField field) => field.MissingValues ?? MissingValues;
}
