namespace Onboarding.Core.IssueForms;

/// <summary>An issue-form template that cannot be used, with the place in the file that is wrong.</summary>
public sealed class IssueFormTemplateException : Exception
{
    public const string Code = "ISSUEFORM001";

    public IssueFormTemplateException(string file, int line, int column, string reason)
        : base($"{file}:{line}:{column}: error {Code}: {reason}")
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>What is wrong and how to fix it, without the location prefix.</summary>
    public string Reason { get; }

    public IssueFormDiagnostic ToDiagnostic() => new(File, Line, Column, Code, Reason);
}
