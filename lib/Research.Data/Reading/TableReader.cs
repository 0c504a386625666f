using Research.Data.Schema;
using Research.Data.Tables;
using Research.Data.Validation;

namespace Research.Data.Reading;

/// <summary>Reads one resource of an extract directory, whatever its format.</summary>
public static class TableReader
{
    /// <summary>
    /// Reads <paramref name="resource"/> from <paramref name="directory"/>, reporting problems to <paramref name="sink"/>.
    /// Returns <see langword="null"/> only when the file does not exist (also reported).
    /// </summary>
    public static Table? Read(TableResource resource, string directory, IssueSink sink)
    {
        var path = Path.Combine(directory, resource.Path);
        if (!File.Exists(path))
        {
            sink.Error(resource.Path, null, null, null, Rules.FileMissing, $"the {resource.Name} table's file does not exist in {directory}");
            return null;
        }

        return resource.Format switch
        {
            TableFormat.Parquet => ParquetTableReader.Read(resource, path, resource.Path, sink),
            _ => CsvTableReader.Read(resource, path, resource.Path, sink),
        };
    }
}
