namespace Onboarding.Core.IssueForms;

/// <summary>
/// Renders issue-form problems as the Markdown of an issue comment: a hidden marker that lets the caller find
/// the comment again and update it, an introduction, then one bullet per problem naming the field in bold.
/// </summary>
public static class IssueFormProblemMarkdown
{
    public const string DefaultIntroduction = "This issue cannot be processed yet. Edit the issue to fix the following, and it will be checked again:";

    /// <param name="problems">The problems to list, in order.</param>
    /// <param name="marker">Text of the hidden HTML comment that identifies this comment, e.g. <c>onboard:problems</c>.</param>
    /// <param name="introduction">Trusted Markdown shown above the list.</param>
    public static string Render(IReadOnlyList<IssueFormProblem> problems, string marker, string introduction = DefaultIntroduction)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(introduction);
        var builder = new StringBuilder();
        builder.Append(HiddenMarker(marker)).Append('\n');
        builder.Append(introduction).Append("\n\n");
        foreach (var problem in problems)
        {
            builder.Append("- ");
            if (problem.FieldLabel is { } label)
            {
                builder.Append("**").Append(UntrustedMarkdown.Escape(label)).Append("** ");
            }

            builder.Append(UntrustedMarkdown.Escape(problem.Message));
            if (problem.Quoted is { } quoted)
            {
                builder.Append(' ').Append(UntrustedMarkdown.CodeSpan(quoted));
            }

            builder.Append("; ").Append(UntrustedMarkdown.Escape(problem.Hint)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>The HTML comment that marks a comment as this tool's, e.g. <c>&lt;!-- onboard:problems --&gt;</c>.</summary>
    public static string HiddenMarker(string marker)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(marker);
        if (marker.Contains("--", StringComparison.Ordinal) || marker.Contains('>', StringComparison.Ordinal) || marker.Any(char.IsControl))
        {
            throw new ArgumentException("a comment marker must not contain '--', '>' or line breaks, which would end the hidden HTML comment", nameof(marker));
        }

        return $"<!-- {marker} -->";
    }
}
