using System.Security.Cryptography;
using System.Text;

namespace Research.Notebooks.Kernels;

/// <summary>
/// One submission as Roslyn emitted it: the assembly image and its portable PDB, the code it was compiled from, its
/// entry point, and whether its trailing expression has a value to show. What <see cref="CompiledCellCache"/> keeps.
/// </summary>
/// <remarks>Immutable; the arrays are not copied, and no code changes them after construction.</remarks>
internal sealed class CompiledSubmission
{
    // Format of the stored entry; a different tag is a cache miss.
    private const string FormatTag = "research-compiled-submission/1";

    public CompiledSubmission(string code, string? entryType, string? entryMethod, bool showsValue, byte[] image, byte[] symbols)
    {
        Code = code;
        EntryType = entryType;
        EntryMethod = entryMethod;
        ShowsValue = showsValue;
        Image = image;
        Symbols = symbols;
    }

    /// <summary>The code compiled: the cell's code with its interrupt checks, or without them when those did not compile.</summary>
    public string Code { get; }

    /// <summary>The metadata name of the submission's class (<c>Submission#3</c>), or null when it has no entry point.</summary>
    public string? EntryType { get; }

    /// <summary>The metadata name of the factory method that runs the submission, or null when it has no entry point.</summary>
    public string? EntryMethod { get; }

    /// <summary>Whether the submission ends in an expression of a type other than void, whose value a cell shows.</summary>
    public bool ShowsValue { get; }

    /// <summary>The assembly image.</summary>
    public byte[] Image { get; }

    /// <summary>The portable PDB: cell line numbers in stack traces.</summary>
    public byte[] Symbols { get; }

    /// <summary>Writes the submission with a SHA-256 of its content at the end, so a damaged entry is recognised.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatTag);
            writer.Write(Code);
            writer.Write(EntryType ?? string.Empty);
            writer.Write(EntryMethod ?? string.Empty);
            writer.Write(ShowsValue);
            writer.Write(Image.Length);
            writer.Write(Image);
            writer.Write(Symbols.Length);
            writer.Write(Symbols);
        }

        stream.Write(SHA256.HashData(stream.GetBuffer().AsSpan(0, (int)stream.Length)));
        return stream.ToArray();
    }

    /// <summary>The submission <paramref name="bytes"/> hold, or null when they are damaged or of another format.</summary>
    public static CompiledSubmission? FromBytes(byte[] bytes)
    {
        var length = bytes.Length - SHA256.HashSizeInBytes;
        if (length <= 0 || !SHA256.HashData(bytes.AsSpan(0, length)).AsSpan().SequenceEqual(bytes.AsSpan(length)))
        {
            return null;
        }

        // The checksum covers damage, not an entry made to match it: read such a one as carefully as any other.
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, length, writable: false), Encoding.UTF8);
            if (reader.ReadString() != FormatTag)
            {
                return null;
            }

            var code = reader.ReadString();
            var entryType = reader.ReadString();
            var entryMethod = reader.ReadString();
            var showsValue = reader.ReadBoolean();
            var image = reader.ReadBytes(reader.ReadInt32());
            var symbols = reader.ReadBytes(reader.ReadInt32());
            return new CompiledSubmission(code, entryType.Length == 0 ? null : entryType, entryMethod.Length == 0 ? null : entryMethod, showsValue, image, symbols);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentOutOfRangeException or FormatException or IOException)
        {
            return null;
        }
    }
}
