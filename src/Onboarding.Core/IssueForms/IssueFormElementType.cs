namespace Onboarding.Core.IssueForms;

/// <summary>The body element types of a GitHub issue form that the parser understands.</summary>
internal enum IssueFormElementType
{
    Markdown,
    Input,
    Textarea,
    Dropdown,
    Checkboxes,
}
