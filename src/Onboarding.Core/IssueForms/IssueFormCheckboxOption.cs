namespace Onboarding.Core.IssueForms;

/// <summary>One option of a <c>checkboxes</c> element; a required option must be checked.</summary>
public sealed record IssueFormCheckboxOption(string Label, bool Required);
