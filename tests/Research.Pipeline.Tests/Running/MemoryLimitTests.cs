using Research.Pipeline.Running;

namespace Research.Pipeline.Tests.Running;

public sealed class MemoryLimitTests
{
    [Theory]
    [InlineData("4G", 4L << 30)]
    [InlineData("512M", 512L << 20)]
    [InlineData("1.5g", 3L << 29)]
    [InlineData("104857600", 100L << 20)]
    public void Sizes_parse_in_binary_units(string text, long bytes)
    {
        Assert.True(MemoryLimit.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1G")]
    [InlineData("10M")]
    [InlineData("NaN")]
    [InlineData("lots")]
    public void Nonsense_and_tiny_limits_are_refused(string text) => Assert.False(MemoryLimit.TryParse(text, out _));

    [Fact]
    public void None_means_no_limit_and_the_default_is_at_least_a_gibibyte()
    {
        Assert.True(MemoryLimit.TryParse("none", out var none));
        Assert.Null(none);
        Assert.True(MemoryLimit.DefaultBytes(64) >= 1L << 30);
        Assert.True(MemoryLimit.DefaultBytes(1) >= MemoryLimit.DefaultBytes(2));
    }
}
