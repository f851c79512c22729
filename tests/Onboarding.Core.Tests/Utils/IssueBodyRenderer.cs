using Onboarding.Core.IssueForms;

namespace Onboarding.Core.Tests.Utils;

/// <summary>
/// Writes an issue body the way GitHub renders an issue form: each field as <c>### label</c>, a blank line and
/// its value; <c>_No response_</c> for empty fields; a <c>render:</c> textarea inside one fence; multiple
/// dropdown choices joined with <c>", "</c>; one <c>- [X]</c> / <c>- [ ]</c> line per checkbox option.
/// </summary>
internal static class IssueBodyRenderer
{
    public static string Render(IssueFormTemplate template, IReadOnlyDictionary<string, IssueFormValue> values, string lineEnding = "\n")
    {
        var sections = new List<string>();
        foreach (var field in template.Fields)
        {
            values.TryGetValue(field.Id, out var value);
            sections.Add($"### {field.Label}\n\n{RenderValue(field, value)}");
        }

        return LineEndings.Convert(string.Join("\n\n", sections), lineEnding);
    }

    private static string RenderValue(IssueFormElement field, IssueFormValue? value)
    {
        const string noResponse = "_No response_";
        return field.Type switch
        {
            IssueFormElementType.Checkboxes => string.Join("\n", field.CheckboxOptions.Select(option =>
                (value?.Items?.Contains(option.Label) == true ? "- [X] " : "- [ ] ") + option.Label)),
            _ when value is null => noResponse,
            IssueFormElementType.Dropdown when field.Multiple => string.Join(", ", value.Items!),
            IssueFormElementType.Textarea when field.Render is { } render => $"```{render}\n{value.Text}\n```",
            _ => value.Text!,
        };
    }
}
