namespace Onboarding.Core.IssueForms;

/// <summary>
/// Something wrong with one field of an issue body: which field (by the label the author sees), what is wrong
/// and how to fix it. User text the message refers to is kept apart in <see cref="Quoted"/> so that every
/// renderer can neutralise it for its medium.
/// </summary>
/// <param name="Code">A stable identifier, e.g. <c>ISSUEFORM005</c>.</param>
/// <param name="FieldLabel">The form field's label; null when the problem is about the whole body.</param>
/// <param name="Message">What is wrong, as a phrase that follows the field name.</param>
/// <param name="Hint">How to fix it.</param>
public sealed record IssueFormProblem(string Code, string? FieldLabel, string Message, string Hint)
{
    private const int MaxQuotedChars = 200;

    public string? FieldId { get; init; }

    /// <summary>The 1-based line of the issue body the problem was found at, when there is one.</summary>
    public int? Line { get; init; }

    /// <summary>Text from the issue body that the message refers to, verbatim.</summary>
    public string? Quoted { get; init; }

    /// <summary>
    /// One line of plain text. Quoted user text is escaped so that it can never start a line of its own
    /// (a workflow command under GitHub Actions) and is cut to a readable length.
    /// </summary>
    public string Text => $"{MessageText}; {Hint}";

    /// <summary><see cref="Text"/> without the hint: the field, what is wrong and the quoted user text.</summary>
    public string MessageText
    {
        get
        {
            var subject = FieldLabel is null ? string.Empty : $"field '{FieldLabel}' ";
            var quoted = Quoted is null ? string.Empty : " " + QuotedText.Quote(Quoted, asciiOnly: false, MaxQuotedChars);
            return $"{subject}{Message}{quoted}";
        }
    }

    public IssueFormDiagnostic ToDiagnostic(string bodyPath) => new(bodyPath, Line ?? 1, 1, Code, Text);

    public override string ToString() => Text;
}
