namespace Onboarding.Core.IssueForms;

/// <summary>
/// A parsed field value: text for inputs, textareas and single dropdowns; a list for multiple dropdowns
/// (the selected options) and checkboxes (the checked options).
/// </summary>
public sealed record IssueFormValue
{
    private IssueFormValue(string? text, IReadOnlyList<string>? items)
    {
        Text = text;
        Items = items;
    }

    /// <summary>The text of an input, textarea or single dropdown; null for a list value.</summary>
    public string? Text { get; }

    /// <summary>The options of a multiple dropdown or the checked checkboxes; null for a text value.</summary>
    public IReadOnlyList<string>? Items { get; }

    public bool IsList => Items is not null;

    public static IssueFormValue FromText(string text) => new(text, null);

    public static IssueFormValue FromItems(IReadOnlyList<string> items) => new(null, items);

    public bool Equals(IssueFormValue? other) =>
        other is not null
        && Text == other.Text
        && (Items is null ? other.Items is null : other.Items is not null && Items.SequenceEqual(other.Items, StringComparer.Ordinal));

    public override int GetHashCode() => Text?.GetHashCode(StringComparison.Ordinal) ?? Items!.Count;

    public override string ToString() => Text ?? "[" + string.Join(", ", Items!) + "]";
}
