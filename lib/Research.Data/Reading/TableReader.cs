using Research.Data.Schema;
using Research.Data.Tables;
using Research.Data.Validation;

namespace Research.Data.Reading;

/// <summary>Reads one resource of an extract directory, whatever its format.</summary>
public static class TableReader
{
    /// <summary>
    /// Reads <paramref name="resource"/> from <paramref name="directory"/>, reporting problems to <paramref name="sink"/>.
    /// Returns <see langword="null"/> only when the file does not exist or may not be read (also reported).
    /// </summary>
    /// <param name="resource">The resource.</param>
    /// <param name="directory">The extract directory.</param>
    /// <param name="sink">Where problems go.</param>
    /// <param name="allowExternal">Read a file that lies outside <paramref name="directory"/> (see <see cref="ResourceFiles"/>).</param>
    public static Table? Read(TableResource resource, string directory, IssueSink sink, bool allowExternal = false)
    {
        string path;
        try
        {
            path = ResourceFiles.Locate(resource, directory, allowExternal);
        }
        catch (DescriptorException e)
        {
            sink.Error(resource.Path, null, null, null, Rules.ResourcePath, e.Problem);
            return null;
        }

        if (!File.Exists(path))
        {
            sink.Error(resource.Path, null, null, null, Rules.FileMissing, $"the {resource.Name} table's file does not exist in the extract directory");
            return null;
        }

        return resource.Format switch
        {
            TableFormat.Parquet => ParquetTableReader.Read(resource, path, resource.Path, sink),
            _ => CsvTableReader.Read(resource, path, resource.Path, sink),
        };
    }
}
