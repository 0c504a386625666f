using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace Research.Data.Reading;

/// <summary>
/// Where a delimited file's data records may be cut into byte ranges that readers parse side by side: at line starts,
/// and only in a file where a line feed always ends a record, i.e. one with no quote character anywhere (a quoted
/// field may hold a line break), no carriage return except before a line feed (CsvHelper ends a record at a lone one
/// too), and UTF-8 (no UTF-16 or UTF-32 byte order mark). Any other file is read in one piece, as before.
/// </summary>
internal static class CsvChunks
{
    private const int BlockBytes = 1 << 20;

    // Beyond this many ranges per reader the ranges are too small to even anything out, and each costs a reader.
    private const int MaximumRangesPerReader = 4;

    /// <summary>
    /// Ranges of at least <paramref name="minimumBytes"/> bytes covering the file after its header line, in order, for
    /// <paramref name="count"/> readers side by side; null when the file cannot be cut (see the class) or is too small
    /// for two ranges.
    /// </summary>
    /// <remarks>
    /// Each range is a reader's share of what is left after the ones before it (a half, a quarter, an eighth, ... for
    /// two readers), down to <paramref name="minimumBytes"/>: the first range, whose columns receive the others' rows,
    /// is as large as with even ranges (so as little is copied), and the small last ranges even out the readers'
    /// finishing times. With even ranges the national register's second half, started while the other tables were
    /// still being read, was parsed alone on one core for four seconds at the end.
    /// </remarks>
    public static IReadOnlyList<(long Start, long Length)>? Plan(SafeFileHandle file, byte quote, int count, long minimumBytes)
    {
        var length = RandomAccess.GetLength(file);
        minimumBytes = Math.Max(1, minimumBytes);
        if (count < 2 || length / minimumBytes < 2)
        {
            return null; // too small to cut: nothing of it is read here
        }

        Span<byte> head = stackalloc byte[4];
        head = head[..RandomAccess.Read(file, head, 0)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return null; // UTF-16 or UTF-32, which CsvHelper decodes by this mark: a range without it would be read as UTF-8
        }

        var dataStart = AfterLineFeed(file, 0, length);
        if (dataStart >= length)
        {
            return null;
        }

        var starts = new List<long> { dataStart };
        while (starts.Count < MaximumRangesPerReader * count)
        {
            var left = length - starts[^1];
            var share = left / count;
            if (share < minimumBytes || left - share < minimumBytes)
            {
                break;
            }

            var start = AfterLineFeed(file, starts[^1] + share, length);
            if (start <= starts[^1] || start >= length)
            {
                break;
            }

            starts.Add(start);
        }

        if (starts.Count < 2)
        {
            return null;
        }

        var ranges = starts.Select((start, i) => (Start: start, Length: (i + 1 < starts.Count ? starts[i + 1] : length) - start)).ToList();
        var clean = true;
        Parallel.For(0, ranges.Count + 1, r =>
        {
            var (start, bytes) = r == ranges.Count ? (0L, dataStart) : ranges[r];
            if (!LineFeedsEndRecords(file, start, bytes, quote))
            {
                clean = false;
            }
        });
        return clean ? ranges : null;
    }

    // The position after the first line feed at or after `from`, or `length` when there is none.
    private static long AfterLineFeed(SafeFileHandle file, long from, long length)
    {
        var block = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            for (var position = from; position < length;)
            {
                var read = RandomAccess.Read(file, block.AsSpan(0, (int)Math.Min(block.Length, length - position)), position);
                if (read <= 0)
                {
                    break;
                }

                var index = block.AsSpan(0, read).IndexOf((byte)'\n');
                if (index >= 0)
                {
                    return position + index + 1;
                }

                position += read;
            }

            return length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    private static bool LineFeedsEndRecords(SafeFileHandle file, long start, long bytes, byte quote)
    {
        var block = ArrayPool<byte>.Shared.Rent(BlockBytes);
        try
        {
            long returns = 0, pairs = 0;
            var previous = (byte)0;
            for (var done = 0L; done < bytes;)
            {
                var read = RandomAccess.Read(file, block.AsSpan(0, (int)Math.Min(block.Length, bytes - done)), start + done);
                if (read <= 0)
                {
                    return false; // the file shrank: read it in one piece, which reports what it finds
                }

                var span = block.AsSpan(0, read);
                if (span.Contains(quote))
                {
                    return false;
                }

                returns += span.Count((byte)'\r');
                pairs += span.Count("\r\n"u8) + (previous == '\r' && span[0] == '\n' ? 1 : 0);
                previous = span[^1];
                done += read;
            }

            return returns == pairs;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }
}
