namespace Onboarding.Core.IssueForms;

/// <summary>A problem located in a file, printed as <c>path:line:col: error CODE: message</c>.</summary>
public sealed record IssueFormDiagnostic(string File, int Line, int Column, string Code, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: error {Code}: {Message}";
}
