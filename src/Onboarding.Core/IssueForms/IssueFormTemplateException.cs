namespace Onboarding.Core.IssueForms;

/// <summary>An issue-form template that cannot be used, with the place in the file that is wrong.</summary>
public sealed class IssueFormTemplateException : Exception
{
    public const string Code = "ISSUEFORM001";

    public IssueFormTemplateException(string file, int line, int column, string reason)
        : this(new IssueFormDiagnostic(file, line, column, Code, reason))
    {
    }

    private IssueFormTemplateException(IssueFormDiagnostic diagnostic)
        : base(diagnostic.ToString()) => Diagnostic = diagnostic;

    /// <summary>Where the template is wrong, and what is wrong and how to fix it (its message, without the location).</summary>
    public IssueFormDiagnostic Diagnostic { get; }

    public string File => Diagnostic.File;

    public int Line => Diagnostic.Line;

    public int Column => Diagnostic.Column;

    /// <summary>What is wrong and how to fix it, without the location prefix.</summary>
    public string Reason => Diagnostic.Message;

    public IssueFormDiagnostic ToDiagnostic() => Diagnostic;
}
