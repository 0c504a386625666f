namespace Research.Data.Caching;

/// <summary>One municipality's rows of one table in the cache.</summary>
/// <param name="Municipality">The municipality key.</param>
/// <param name="Table">The resource name.</param>
/// <param name="File">The partition file, relative to the entry, with <c>/</c> separators.</param>
/// <param name="Rows">Its number of rows.</param>
/// <param name="Digest">The <see cref="CacheDigest"/> of its bytes.</param>
internal sealed record CachedPartition(string Municipality, string Table, string File, int Rows, string Digest);
