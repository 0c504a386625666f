using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Research.Notebooks;

/// <summary>
/// nbformat 4.5 cell ids. Generated ids are derived from the cell's position and source, so running the same
/// notebook twice writes the same bytes (nbformat itself would use random ids).
/// </summary>
public static partial class CellIds
{
    /// <summary>Whether <paramref name="id"/> is a valid nbformat cell id (1–64 of <c>[a-zA-Z0-9-_]</c>).</summary>
    public static bool IsValid(string? id) => id is not null && ValidId().IsMatch(id);

    /// <summary>
    /// Gives every cell a valid id that is unique in the notebook, keeping existing valid unique ids, and marks the
    /// notebook as nbformat 4.5 (the first minor version that has ids).
    /// </summary>
    public static void Ensure(Notebook notebook)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (IsValid(cell.Id) && used.Add(cell.Id!))
            {
                continue;
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{i}\n{cell.Source}")));
            var length = 8;
            while (!used.Add(hash[..length]))
            {
                length++;
            }

            cell.Id = hash[..length];
        }

        notebook.FormatMinor = Math.Max(notebook.FormatMinor, 5);
    }

    [GeneratedRegex("^[a-zA-Z0-9-_]{1,64}$")]
    private static partial Regex ValidId();
}
