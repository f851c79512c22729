namespace Onboarding.Core.IssueForms;

/// <summary>Stable codes of issue-form problems, shown in diagnostics and usable in documentation.</summary>
public static class IssueFormProblemCodes
{
    public const string TemplateInvalid = IssueFormTemplateException.Code;
    public const string BodyTooLong = "ISSUEFORM002";
    public const string NoFormFields = "ISSUEFORM003";
    public const string FieldMissing = "ISSUEFORM004";
    public const string FieldEmpty = "ISSUEFORM005";
    public const string FieldRepeated = "ISSUEFORM006";
    public const string UnknownDropdownOption = "ISSUEFORM007";
    public const string MalformedCheckbox = "ISSUEFORM008";
    public const string UnknownCheckboxOption = "ISSUEFORM009";
    public const string RequiredCheckboxUnchecked = "ISSUEFORM010";
    public const string BodyTooDeep = "ISSUEFORM011";
}
