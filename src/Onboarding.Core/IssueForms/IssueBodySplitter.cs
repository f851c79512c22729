using Markdig;
using Markdig.Syntax;

namespace Onboarding.Core.IssueForms;

/// <summary>
/// Cuts an issue body into field sections at the level-3 ATX headings that name a form label. CommonMark
/// decides what is a heading, so a <c>###</c> line inside a fenced or indented code block, a block quote or a
/// list item stays text; headings that name no label stay in the text of the field before them.
/// </summary>
internal static class IssueBodySplitter
{
    private static readonly MarkdownPipeline BlockOnlyPipeline = CreatePipeline();

    /// <param name="lines">The body split at line endings.</param>
    /// <param name="labels">The trimmed labels of the form's fields.</param>
    /// <returns>The sections in body order; a label may occur more than once.</returns>
    public static List<IssueBodySection> Split(string[] lines, IReadOnlySet<string> labels)
    {
        var document = Markdown.Parse(string.Join('\n', lines), BlockOnlyPipeline);
        var headings = new List<(int Index, string Label)>();
        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: 3, IsSetext: false } heading
                && heading.Line < lines.Length
                && MatchLabel(lines[heading.Line], labels) is { } label)
            {
                headings.Add((heading.Line, label));
            }
        }

        var sections = new List<IssueBodySection>(headings.Count);
        for (var i = 0; i < headings.Count; i++)
        {
            var start = headings[i].Index + 1;
            var end = i + 1 < headings.Count ? headings[i + 1].Index : lines.Length;
            sections.Add(new IssueBodySection(headings[i].Label, headings[i].Index + 1, lines[start..end]));
        }

        return sections;
    }

    private static string? MatchLabel(string line, IReadOnlySet<string> labels)
    {
        var marker = line.TrimStart(' ');
        if (!marker.StartsWith("###", StringComparison.Ordinal))
        {
            return null;
        }

        var text = marker[3..].Trim();
        if (labels.Contains(text))
        {
            return text;
        }

        // A hand-written body may close the heading CommonMark-style: "### Label ###".
        var withoutClosing = text.TrimEnd('#');
        if (withoutClosing.Length < text.Length && (withoutClosing.Length == 0 || withoutClosing[^1] is ' ' or '\t'))
        {
            withoutClosing = withoutClosing.TrimEnd();
            if (labels.Contains(withoutClosing))
            {
                return withoutClosing;
            }
        }

        return null;
    }

    // Only the block structure matters here, and skipping inline parsing keeps hostile bodies cheap to scan.
    private static MarkdownPipeline CreatePipeline()
    {
        var builder = new MarkdownPipelineBuilder();
        builder.InlineParsers.Clear();
        return builder.Build();
    }
}
