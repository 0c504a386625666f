using System.CommandLine;
using System.Text;
using Research.Data.Design;
using Research.Data.Schema;

namespace Research.Cli.Commands;

/// <summary><c>research codebook</c>: renders the codebook of the raw extracts from the descriptors.</summary>
public static class CodebookCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var output = new Option<FileInfo?>("--out", "-o") { Description = "File to write (default: standard output)." };
        var command = new Command("codebook", "Render the human-readable codebook (Markdown) from datapackage.json and experiments.json.") { output };
        command.SetAction((parse, _) =>
        {
            var markdown = Codebook.ToMarkdown(DataPackage.Canonical, ExperimentCatalog.Canonical);
            if (parse.GetValue(output) is { } file)
            {
                File.WriteAllText(file.FullName, markdown, new UTF8Encoding(false));
            }
            else
            {
                parse.InvocationConfiguration.Output.Write(markdown);
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
