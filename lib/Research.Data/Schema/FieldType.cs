namespace Research.Data.Schema;

/// <summary>The Frictionless Table Schema field types the extracts use.</summary>
public enum FieldType
{
    /// <summary>Text; stored dictionary-encoded.</summary>
    String,

    /// <summary>Whole number (optional sign, decimal digits, optional group separator when declared).</summary>
    Integer,

    /// <summary>Real number with the field's declared <c>decimalChar</c> (default '.').</summary>
    Number,

    /// <summary>Boolean written with the field's declared <c>trueValues</c>/<c>falseValues</c>.</summary>
    Boolean,

    /// <summary>ISO 8601 calendar date, <c>YYYY-MM-DD</c>.</summary>
    Date,

    /// <summary>Calendar month, <c>YYYY-MM</c>.</summary>
    YearMonth,
}
