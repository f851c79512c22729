using Markdig;
using Markdig.Syntax;

namespace Onboarding.Core.IssueForms;

/// <summary>
/// Cuts an issue body into field sections at the level-3 ATX headings that name a form label. CommonMark
/// decides what is a heading, so a <c>###</c> line inside a fenced or indented code block, a block quote or a
/// list item stays text; headings that name no label stay in the text of the field before them.
/// </summary>
public static class IssueBodySplitter
{
    /// <summary>Deeper than any Markdown a person writes, and well inside what the Markdown parser accepts (128).</summary>
    public const int MaxNesting = 100;

    private static readonly MarkdownPipeline BlockOnlyPipeline = CreatePipeline();

    /// <param name="lines">The body split at line endings.</param>
    /// <param name="labels">The trimmed labels of the form's fields.</param>
    /// <param name="sections">The sections in body order; a label may occur more than once.</param>
    /// <param name="tooDeepLine">When the body nests quotes or lists too deeply to read, the 1-based line where that shows.</param>
    /// <returns>False when the body nests too deeply.</returns>
    public static bool TrySplit(string[] lines, IReadOnlySet<string> labels, out List<IssueBodySection> sections, out int tooDeepLine)
    {
        sections = [];
        tooDeepLine = FirstTooDeepLine(lines);
        if (tooDeepLine > 0)
        {
            return false;
        }

        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(string.Join('\n', lines), BlockOnlyPipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses trees deeper than its nesting limit; nesting built up over many lines gets here.
            tooDeepLine = 1;
            return false;
        }

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

        for (var i = 0; i < headings.Count; i++)
        {
            var start = headings[i].Index + 1;
            var end = i + 1 < headings.Count ? headings[i + 1].Index : lines.Length;
            sections.Add(new IssueBodySection(headings[i].Label, headings[i].Index + 1, lines[start..end]));
        }

        return true;
    }

    // Building a tree of tens of thousands of nested quotes on one line takes Markdig a noticeable time before it
    // gives up; counting the container markers that open a line finds that shape first, in linear time. Lists
    // nested one level per line show as ever deeper indentation, which Markdig also reads in super-linear time:
    // a list level needs at least two columns, so indentation beyond twice the limit is refused the same way.
    private static int FirstTooDeepLine(string[] lines)
    {
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            var indentation = 0;
            while (indentation < line.Length && line[indentation] is ' ' or '\t')
            {
                indentation++;
            }

            if (indentation > 2 * MaxNesting)
            {
                return index + 1;
            }

            var markers = 0;
            var position = 0;
            while (position < line.Length && markers <= MaxNesting)
            {
                var c = line[position];
                if (c is ' ' or '\t')
                {
                    position++;
                }
                else if (c == '>')
                {
                    markers++;
                    position++;
                }
                else if (c is '-' or '*' or '+' && (position + 1 == line.Length || line[position + 1] is ' ' or '\t'))
                {
                    markers++;
                    position++;
                }
                else if (char.IsAsciiDigit(c))
                {
                    var end = position;
                    while (end < line.Length && char.IsAsciiDigit(line[end]))
                    {
                        end++;
                    }

                    if (end >= line.Length || line[end] is not ('.' or ')'))
                    {
                        break;
                    }

                    markers++;
                    position = end + 1;
                }
                else
                {
                    break;
                }
            }

            if (markers > MaxNesting)
            {
                return index + 1;
            }
        }

        return 0;
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
