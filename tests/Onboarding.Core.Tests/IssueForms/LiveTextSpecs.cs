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
}
