namespace Onboarding.Core.Tests.Text;

public sealed class QuotedTextSpecs
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\" \\o/", "\"say \\\"hi\\\" \\\\o/\"")]
    [InlineData("a\nb\r\tc", "\"a\\nb\\r\\tc\"")]
    [InlineData("ab\u202Ecd", "\"ab\\u202ecd\"")]
    [InlineData("zero\u200Bwidth", "\"zero\\u200bwidth\"")]
    [InlineData("line\u2028sep", "\"line\\u2028sep\"")]
    [InlineData("\u001b[31mred", "\"\\u001b[31mred\"")]
    public void Invisible_and_line_breaking_characters_are_escaped_in_both_forms(string value, string expected)
    {
        Assert.Equal(expected, QuotedText.Quote(value, asciiOnly: false));
        Assert.Equal(expected, QuotedText.Quote(value, asciiOnly: true));
    }

    [Fact]
    public void Readable_text_of_any_script_stays_readable_unless_only_ascii_is_allowed()
    {
        Assert.Equal("\"équipe 数据 🚀\"", QuotedText.Quote("équipe 数据 🚀", asciiOnly: false));
        Assert.Equal("\"\\u00e9quipe \\u6570\\u636e \\U0001f680\"", QuotedText.Quote("équipe 数据 🚀", asciiOnly: true));
    }

    [Fact]
    public void A_lone_surrogate_is_escaped_rather_than_written_as_broken_text()
    {
        Assert.Equal("\"a\\ud800b\"", QuotedText.Quote("a\ud800b", asciiOnly: false));
    }

    [Fact]
    public void Long_values_are_cut_with_an_ellipsis()
    {
        Assert.Equal("\"abc…\"", QuotedText.Quote("abcdef", asciiOnly: false, maxChars: 3));
    }
}
