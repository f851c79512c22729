namespace Onboarding.Core.IssueForms;

/// <summary>The body element types of a GitHub issue form that the parser understands.</summary>
public enum IssueFormElementType
{
    Markdown,
    Input,
    Textarea,
    Dropdown,
    Checkboxes,

    /// <summary>
    /// A type this parser does not read (GitHub adds new ones, e.g. <c>upload</c>). Its value is skipped, but its
    /// heading still ends the field before it.
    /// </summary>
    Unsupported,
}
