namespace Onboarding.Core.IssueForms;

/// <summary>
/// The values found in an issue body, keyed by field id in template order (empty fields omitted), and
/// every problem found. Values of fields without problems are present even when other fields have problems,
/// so a caller can add its own checks and report everything at once.
/// </summary>
public sealed record IssueFormParseResult(
    IReadOnlyDictionary<string, IssueFormValue> Values,
    IReadOnlyList<IssueFormProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>The 1-based body line of each field's heading, by field id, so later checks can point at it.</summary>
    public IReadOnlyDictionary<string, int> HeadingLines { get; init; } = new Dictionary<string, int>();

    /// <summary>The text of an input, textarea or single dropdown; null when the field is empty or a list.</summary>
    public string? GetText(string id) => Values.TryGetValue(id, out var value) ? value.Text : null;

    /// <summary>The items of a multiple dropdown or checkboxes; empty when the field is empty.</summary>
    public IReadOnlyList<string> GetItems(string id) =>
        Values.TryGetValue(id, out var value) && value.Items is { } items ? items : [];
}
