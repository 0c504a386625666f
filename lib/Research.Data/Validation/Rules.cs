namespace Research.Data.Validation;

/// <summary>Identifiers of the validation rules, as they appear in reports.</summary>
public static class Rules
{
    /// <summary>A descriptor (datapackage.json, experiments.json) is malformed.</summary>
    public const string Descriptor = "descriptor";

    /// <summary>A resource's file does not exist.</summary>
    public const string FileMissing = "file-missing";

    /// <summary>The file is not UTF-8 or its quoting is broken.</summary>
    public const string Encoding = "encoding";

    /// <summary>The header suggests another delimiter than the declared dialect.</summary>
    public const string Dialect = "dialect";

    /// <summary>A schema field has no column in the file.</summary>
    public const string MissingColumn = "missing-column";

    /// <summary>The file has a column the schema does not declare.</summary>
    public const string ExtraColumn = "extra-column";

    /// <summary>A column name appears twice in the header.</summary>
    public const string DuplicateColumn = "duplicate-column";

    /// <summary>A row has a different number of fields than the header.</summary>
    public const string FieldCount = "field-count";

    /// <summary>A value does not parse as the field's type.</summary>
    public const string Type = "type";

    /// <summary>A required value is missing.</summary>
    public const string Required = "required";

    /// <summary>A value is not one of the allowed values.</summary>
    public const string Enum = "enum";

    /// <summary>A value does not match the field's pattern.</summary>
    public const string Pattern = "pattern";

    /// <summary>A value is below the field's minimum.</summary>
    public const string Minimum = "minimum";

    /// <summary>A value is above the field's maximum.</summary>
    public const string Maximum = "maximum";

    /// <summary>A value of a unique field repeats.</summary>
    public const string Unique = "unique";

    /// <summary>A primary key repeats.</summary>
    public const string PrimaryKey = "primary-key";

    /// <summary>A foreign key has no match (e.g. an orphan register person).</summary>
    public const string ForeignKey = "foreign-key";

    /// <summary>An arm is not one of the municipality's arms.</summary>
    public const string ArmKnown = "arm-known";

    /// <summary>Take-up is inconsistent with the arm (e.g. taken up in control).</summary>
    public const string TakeUp = "take-up";

    /// <summary>The chosen intervention is inconsistent with the arm.</summary>
    public const string ChoiceArm = "choice-arm";

    /// <summary>The randomisation date lies outside the municipality's intake window.</summary>
    public const string IntakeWindow = "intake-window";

    /// <summary>A person's register months have gaps or do not cover the required window.</summary>
    public const string MonthsContiguous = "months-contiguous";

    /// <summary>A resource's file lies outside the extract directory and external resources were not allowed.</summary>
    public const string ResourcePath = "resource-path";

    /// <summary>A participant has no register months (not linked).</summary>
    public const string RegisterCoverage = "register-coverage";

    /// <summary>A survey wave is not one of the municipality's waves.</summary>
    public const string WaveKnown = "wave-known";

    /// <summary>A register month is internally inconsistent (e.g. a benefit amount while off benefit).</summary>
    public const string Consistency = "consistency";

    /// <summary>A survey answer lies outside its instrument's response range.</summary>
    public const string ResponseRange = "response-range";
}
