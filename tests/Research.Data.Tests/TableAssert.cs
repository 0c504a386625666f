using Research.Data.Tables;

namespace Research.Data.Tests;

/// <summary>Comparisons of typed tables cell by cell.</summary>
public static class TableAssert
{
    /// <summary>Asserts that <paramref name="other"/> holds exactly <paramref name="table"/>: rows, file rows, columns, values, missing tokens and text codes.</summary>
    public static void Same(Table table, Table other)
    {
        Assert.Equal(table.RowCount, other.RowCount);
        Assert.Equal(table.File, other.File);
        Assert.Equal(table.Columns.Select(c => c.Name), other.Columns.Select(c => c.Name));
        for (var row = 0; row < table.RowCount; row++)
        {
            Assert.Equal(table.FileRowNumber(row), other.FileRowNumber(row));
        }

        foreach (var column in table.Columns)
        {
            var same = other[column.Name];
            Assert.Equal(column.GetType(), same.GetType());
            Assert.Equal(column.HasMissing, same.HasMissing);
            if (column is StringColumn strings)
            {
                Assert.Equal(strings.Levels, ((StringColumn)same).Levels);
                Assert.True(strings.Codes.SequenceEqual(((StringColumn)same).Codes), $"{table.Name}.{column.Name} codes");
            }

            for (var row = 0; row < column.Length; row++)
            {
                if (!Equals(column.GetValue(row), same.GetValue(row)) || column.MissingToken(row) != same.MissingToken(row))
                {
                    Assert.Fail($"{table.Name}.{column.Name} row {row}: {column.GetValue(row)}/{column.MissingToken(row)} against {same.GetValue(row)}/{same.MissingToken(row)}");
                }
            }
        }
    }
}
