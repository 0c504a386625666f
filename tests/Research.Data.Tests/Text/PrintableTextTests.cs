using Research.Data.Text;
using Research.Data.Validation;

namespace Research.Data.Tests.Text;

public sealed class PrintableTextTests
{
    [Theory]
    [InlineData("\u001b[2J\u001b[31mred", "\\u001B[2J\\u001B[31mred")]
    [InlineData("a\u202Eb", "a\\u202Eb")]
    [InlineData("tab\tnew\nline", "tab\\tnew\\nline")]
    [InlineData("\u0085\u009b", "\\u0085\\u009B")]
    [InlineData("ordinary, é ü", "ordinary, é ü")]
    public void Control_characters_become_visible_escapes(string text, string expected) =>
        Assert.Equal(expected, PrintableText.Escape(text));

    [Fact]
    public void Line_breaks_survive_when_kept() =>
        Assert.Equal("one\ntwo\\u0007", PrintableText.Escape("one\ntwo\a", keepLineBreaks: true));

    [Fact]
    public void A_validation_line_never_carries_a_raw_escape()
    {
        var issue = new ValidationIssue(Severity.Error, "participants.csv", 2, "sex", "\u001b]0;pwned\u0007", Rules.Enum, "not allowed");

        Assert.DoesNotContain('\u001b', issue.ToString());
        Assert.Contains("\\u001B]0;pwned\\u0007", issue.ToString());
    }
}
