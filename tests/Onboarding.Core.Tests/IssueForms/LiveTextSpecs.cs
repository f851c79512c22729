using FsCheck;
using FsCheck.Fluent;
using Onboarding.Core.IssueForms;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.IssueForms;

/// <summary>
/// User text the tool writes where GitHub renders it stays inert: no issue or commit reference, no mention, no
/// bare link, no bidirectional or invisible character, in prose, in code spans and in table cells.
/// </summary>
public sealed class LiveTextSpecs
{
    public static TheoryData<string> Pieces => new()
    {
        "GH-4242", "gh-12", "#4242", "acme/other#7", "@org/everyone", "@mallory", "https://evil.example/x", "http://evil.example",
        "www.evil.example/y", "mailto:mallory@evil.example", "0123456789ABCDEF0123456789abcdef01234567", "mallory@evil.example",
        "\u202Eevil", "a\u2066b\u2069", "zero\u200Bwidth\u200C\u200D", "\uFEFFbom", InertMarkdown.LiveText,
    };

    [Theory]
    [MemberData(nameof(Pieces))]
    public void Escaped_prose_links_references_mentions_and_hides_nothing(string text)
    {
        var markdown = $"Description: {UntrustedMarkdown.Escape(text)}\n";

        InertMarkdown.AssertInert(markdown, InertMarkdown.LiveTokens.Concat(["GH-12", "#7", "@mallory"]));
    }

    [Theory]
    [MemberData(nameof(Pieces))]
    public void Quoted_code_and_table_cells_hide_nothing(string text)
    {
        var markdown = $"Quoted: {UntrustedMarkdown.CodeSpan(text)}\n\n| a |\n|---|\n| {UntrustedMarkdown.Code(text)} |\n";

        InertMarkdown.AssertInert(markdown, InertMarkdown.LiveTokens);
    }

    [Fact]
    public void Invisible_characters_are_shown_by_their_code_point()
    {
        Assert.Equal("a\\\\u202Eb", UntrustedMarkdown.Escape("a\u202Eb"));
        Assert.Equal("`a\\u200Bb`", UntrustedMarkdown.CodeSpan("a\u200Bb"));
    }

    [Fact]
    public void Plain_names_are_left_as_they_are()
    {
        Assert.Equal("payments-eng", UntrustedMarkdown.Escape("payments-eng"));
        Assert.Equal("dags/orders", UntrustedMarkdown.Escape("dags/orders"));
    }

    [Fact]
    public void An_e_mail_address_is_inert_code_that_copies_exactly()
    {
        var cell = UntrustedMarkdown.Email("data.team+alerts@example.com");

        Assert.Equal("`data.team+alerts@example.com`", cell);
        Assert.Contains("<code>data.team+alerts@example.com</code>", Markdig.Markdown.ToHtml(cell), StringComparison.Ordinal);
    }

    /// <summary>
    /// The quick test that spares the regex plain names is never wrong: text of plain characters in which the live-token
    /// pattern finds a match is always sent to it. Pieces that start tokens are mixed into random plain text.
    /// </summary>
    [Fact]
    public void Plain_text_the_quick_test_passes_holds_no_live_token()
    {
        const string Plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -./:,;=+()'\"?%$^{}";
        string[] starts = ["http://", "HTTPS://x.y", "ftp://a", "www.", "WwW.x", "mailto:", "MailTo:a", "gh-1", "GH-42", "Gh-7", "g", "h", "-", ":", "/",
            "0123456789abcdef0123456789ABCDEF01234567", "0123456789abcdef0123456789abcdef0123456", "deadbeef"];
        var piece = Gen.Frequency((1, Gen.Elements(starts)), (12, Gen.Elements(Plain.ToCharArray()).Select(c => c.ToString())));
        var text = Gen.ListOf(piece).Select(pieces => string.Concat(pieces));
        var checkedTexts = 0;
        var matched = 0;

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(20_000), Prop.ForAll(text.ToArbitrary(), s =>
        {
            checkedTexts++;
            if (UntrustedMarkdown.LiveToken().IsMatch(s))
            {
                matched++;
                Assert.True(UntrustedMarkdown.MayHoldLiveToken(s), $"a live token in '{s}' would be missed");
            }
        }));

        // The generator reaches both sides: texts with a live token, and texts without.
        Assert.InRange(matched, 1_000, checkedTexts - 1_000);
    }

    [Theory]
    [InlineData("data.team+alerts@example.com", "`data.team+alerts@example.com`")]
    [InlineData("a|b@example.com", "`a\\|b@example.com`")]
    [InlineData("a`b@example.com", "``a`b@example.com``")]
    [InlineData(" @example.com ", "`  @example.com  `")]
    [InlineData("a\u202Eb@example.com", "`a\\u202Eb@example.com`")]
    public void An_e_mail_address_is_one_code_span_whatever_it_holds(string address, string cell)
    {
        Assert.Equal(cell, UntrustedMarkdown.Email(address));
    }

    [Theory]
    [InlineData("team-00000", false)]
    [InlineData("acme-data/airflow-team-00000", false)]
    [InlineData("high-volume", true)]
    [InlineData("see https://x.y", true)]
    [InlineData("WWW.x", true)]
    [InlineData("0123456789abcdef0123456789abcdef0123456", false)]
    [InlineData("0123456789abcdef0123456789abcdef01234567", true)]
    public void The_quick_test_sends_only_possible_tokens_to_the_pattern(string text, bool sent)
    {
        Assert.Equal(sent, UntrustedMarkdown.MayHoldLiveToken(text));
    }
}
