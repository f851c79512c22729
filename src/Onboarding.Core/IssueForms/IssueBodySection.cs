namespace Onboarding.Core.IssueForms;

/// <summary>The lines under one <c>### label</c> heading of an issue body, up to the next field heading.</summary>
/// <param name="Label">The label the heading names.</param>
/// <param name="HeadingLine">The 1-based line of the heading.</param>
/// <param name="Lines">The lines after the heading, verbatim, without line endings.</param>
public sealed record IssueBodySection(string Label, int HeadingLine, IReadOnlyList<string> Lines)
{
    /// <summary>The 1-based line of <c>Lines[index]</c>.</summary>
    public int LineOf(int index) => HeadingLine + 1 + index;
}
