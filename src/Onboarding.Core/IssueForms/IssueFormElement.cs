namespace Onboarding.Core.IssueForms;

/// <summary>
/// One element of an issue form's <c>body</c>. <see cref="Id"/> keys the parsed value; <see cref="Label"/>
/// is what GitHub writes into the issue body as the <c>### </c> heading.
/// </summary>
public sealed record IssueFormElement(IssueFormElementType Type, string Id, string Label, int Line)
{
    public bool Required { get; init; }

    /// <summary>Dropdown options, in template order.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Checkbox options, in template order.</summary>
    public IReadOnlyList<IssueFormCheckboxOption> CheckboxOptions { get; init; } = [];

    public bool Multiple { get; init; }

    /// <summary>The <c>render</c> language of a textarea: its value arrives wrapped in one code fence.</summary>
    public string? Render { get; init; }

    /// <summary>Whether the parser reads a value for this element: markdown is never written into the body, and unsupported types are skipped.</summary>
    public bool IsSubmitted => Type is not (IssueFormElementType.Markdown or IssueFormElementType.Unsupported);

    /// <summary>Whether the element starts a <c>### label</c> section in the issue body.</summary>
    public bool HasHeading => Type != IssueFormElementType.Markdown && Label.Trim().Length > 0;

    /// <summary>Whether an empty or absent value is a problem.</summary>
    public bool IsRequired => Required || CheckboxOptions.Any(option => option.Required);
}
