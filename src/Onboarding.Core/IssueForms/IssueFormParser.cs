namespace Onboarding.Core.IssueForms;

/// <summary>
/// Reads the values of an issue form back out of the Markdown body GitHub rendered from it, and reports every
/// way the body departs from the form. Bodies are untrusted: they may have been written by hand, through the
/// API, or edited after submission, so nothing the form promised (required fields, known options) is assumed.
/// </summary>
public static class IssueFormParser
{
    /// <summary>Four times what GitHub accepts in an issue body; anything longer was not written by GitHub.</summary>
    public const int MaxBodyChars = 4 * 65_536;

    private const string NoResponse = "_No response_";

    private const int MaxLineProblemsPerField = 5;

    // Older GitHub versions wrote "None" for a dropdown nobody chose from.
    private const string NoDropdownChoice = "None";

    public static IssueFormParseResult Parse(IssueFormTemplate template, string body)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(body);
        var values = new OrderedDictionary<string, IssueFormValue>(StringComparer.Ordinal);
        var problems = new List<IssueFormProblem>();
        if (body.Length > MaxBodyChars)
        {
            problems.Add(new IssueFormProblem(
                IssueFormProblemCodes.BodyTooLong,
                null,
                $"the issue body has {body.Length} characters, more than the {MaxBodyChars} this tool reads",
                "shorten it; GitHub itself accepts at most 65536 characters in an issue body"));
            return new IssueFormParseResult(values, problems);
        }

        var fields = template.Fields.ToList();
        if (!IssueBodySplitter.TrySplit(SplitLines(body), template.HeadingLabels, out var sections, out var tooDeepLine))
        {
            var tooDeep = new IssueFormProblem(
                IssueFormProblemCodes.BodyTooDeep,
                null,
                $"the issue body nests quotes or lists more than {IssueBodySplitter.MaxNesting} levels deep",
                "remove the deep nesting; the form itself never writes nested Markdown");
            problems.Add(tooDeep with { Line = tooDeepLine });
            return new IssueFormParseResult(values, problems);
        }

        if (!sections.Exists(section => fields.Exists(field => field.Label.Trim() == section.Label)))
        {
            problems.Add(NoFormFields(template, fields));
            return new IssueFormParseResult(values, problems);
        }

        var sectionsByLabel = sections.GroupBy(section => section.Label, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
        var headingLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (!sectionsByLabel.TryGetValue(field.Label.Trim(), out var found))
            {
                if (field.IsRequired)
                {
                    problems.Add(Problem(field, IssueFormProblemCodes.FieldMissing, "is missing from the issue body", $"edit the issue and add a line '### {field.Label.Trim()}', a blank line, then the value"));
                }

                continue;
            }

            if (found.Count > 1)
            {
                var lines = string.Join(", ", found.Take(10).Select(section => section.HeadingLine)) + (found.Count > 10 ? ", …" : string.Empty);
                problems.Add(Problem(field, IssueFormProblemCodes.FieldRepeated, $"is given {found.Count} times (lines {lines})", "edit the issue and keep only one of these sections") with { Line = found[1].HeadingLine });
                continue;
            }

            headingLines[field.Id] = found[0].HeadingLine;
            ReadField(field, found[0], values, problems);
        }

        return new IssueFormParseResult(values, problems) { HeadingLines = headingLines };
    }

    private static void ReadField(IssueFormElement field, IssueBodySection section, OrderedDictionary<string, IssueFormValue> values, List<IssueFormProblem> problems)
    {
        var text = JoinTrimmingBlankLines(section.Lines);
        if (text == NoResponse
            || (field.Type == IssueFormElementType.Dropdown && text == NoDropdownChoice && !field.Options.Contains(NoDropdownChoice, StringComparer.Ordinal)))
        {
            text = string.Empty;
        }

        IssueFormValue? value = field.Type switch
        {
            IssueFormElementType.Input => text.Length == 0 ? null : IssueFormValue.FromText(text.Trim()),
            IssueFormElementType.Textarea => ReadTextarea(field, text),
            IssueFormElementType.Dropdown => ReadDropdown(field, section, text, problems),
            IssueFormElementType.Checkboxes => ReadCheckboxes(field, section, text.Length == 0 ? [] : section.Lines, problems),
            _ => null,
        };

        if (value is not null)
        {
            values[field.Id] = value;
        }
        else if (field.Required && !problems.Exists(problem => problem.FieldId == field.Id))
        {
            problems.Add(Problem(field, IssueFormProblemCodes.FieldEmpty, "is required but empty", HowToFill(field)) with { Line = section.HeadingLine });
        }
    }

    private static IssueFormValue? ReadTextarea(IssueFormElement field, string text)
    {
        if (field.Render is { } render)
        {
            text = StripRenderFence(text, render);
        }

        return text.Length == 0 ? null : IssueFormValue.FromText(text);
    }

    // GitHub wraps a `render:` textarea in exactly one fence; the user's own fences inside it stay.
    private static string StripRenderFence(string text, string render)
    {
        var lines = text.Split('\n');
        if (lines.Length < 2 || lines[^1].Trim() != "```")
        {
            return text;
        }

        var opening = lines[0].Trim();
        if (!opening.StartsWith("```", StringComparison.Ordinal) || opening[3..].Trim() is var info && info.Length > 0 && info != render)
        {
            return text;
        }

        return JoinTrimmingBlankLines(lines[1..^1]);
    }

    private static IssueFormValue? ReadDropdown(IssueFormElement field, IssueBodySection section, string text, List<IssueFormProblem> problems)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (!field.Multiple)
        {
            if (field.Options.Contains(text, StringComparer.Ordinal))
            {
                return IssueFormValue.FromText(text);
            }

            problems.Add(Problem(field, IssueFormProblemCodes.UnknownDropdownOption, "has a value that is not one of its options:", $"write exactly one of {ListOptions(field.Options)}") with { Line = section.HeadingLine, Quoted = text });
            return null;
        }

        if (DropdownSelection.TrySplit(text, field.Options) is { } chosen)
        {
            return IssueFormValue.FromItems([.. chosen.Distinct(StringComparer.Ordinal)]);
        }

        var unknown = DropdownSelection.UnknownParts(text, field.Options);
        problems.Add(Problem(field, IssueFormProblemCodes.UnknownDropdownOption, unknown.Count == 1 ? "has a value that is not one of its options:" : "has values that are not among its options:", $"write one or more of {ListOptions(field.Options)}, separated by ', '") with
        {
            Line = section.HeadingLine,
            Quoted = unknown.Count == 0 ? text : string.Join(", ", unknown),
        });
        return null;
    }

    private static IssueFormValue? ReadCheckboxes(IssueFormElement field, IssueBodySection section, IReadOnlyList<string> lines, List<IssueFormProblem> problems)
    {
        var options = field.CheckboxOptions.Select(option => option.Label.Trim()).ToList();
        var checkedLabels = new HashSet<string>(StringComparer.Ordinal);
        var lineProblems = new List<IssueFormProblem>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!CheckboxLine.TryParse(line, out var checkbox))
            {
                lineProblems.Add(Problem(field, IssueFormProblemCodes.MalformedCheckbox, "has a line that is not a checkbox:", "write each option as '- [x] option' to check it or '- [ ] option' to leave it unchecked") with { Line = section.LineOf(i), Quoted = line.Trim() });
            }
            else if (!options.Contains(checkbox.Label, StringComparer.Ordinal))
            {
                lineProblems.Add(Problem(field, IssueFormProblemCodes.UnknownCheckboxOption, "has a checkbox that is not one of its options:", $"the options are {ListOptions(options)}") with { Line = section.LineOf(i), Quoted = checkbox.Label });
            }
            else if (checkbox.Checked)
            {
                checkedLabels.Add(checkbox.Label);
            }
        }

        // A pasted wall of text would otherwise become a wall of identical problems.
        problems.AddRange(lineProblems.Take(MaxLineProblemsPerField));
        if (lineProblems.Count > MaxLineProblemsPerField)
        {
            problems.Add(Problem(field, IssueFormProblemCodes.MalformedCheckbox, $"has {lineProblems.Count - MaxLineProblemsPerField} more lines that are not checkboxes of its options", "keep only the lines '- [x] option' or '- [ ] option' for the options of the form") with { Line = lineProblems[MaxLineProblemsPerField].Line });
        }

        var uncheckedRequired = field.CheckboxOptions.Where(option => option.Required && !checkedLabels.Contains(option.Label.Trim())).ToList();
        foreach (var option in uncheckedRequired)
        {
            problems.Add(Problem(field, IssueFormProblemCodes.RequiredCheckboxUnchecked, "must have this option checked:", "edit the issue and check it: change '- [ ]' to '- [x]' at the start of its line") with { Line = section.HeadingLine, Quoted = option.Label.Trim() });
        }

        if (lineProblems.Count > 0 || uncheckedRequired.Count > 0 || checkedLabels.Count == 0)
        {
            return null;
        }

        return IssueFormValue.FromItems([.. options.Where(checkedLabels.Contains)]);
    }

    private static IssueFormProblem NoFormFields(IssueFormTemplate template, List<IssueFormElement> fields)
    {
        var form = template.Name is { Length: > 0 } name ? $"the '{name}' form" : $"the form {template.Path}";
        return new IssueFormProblem(
            IssueFormProblemCodes.NoFormFields,
            null,
            "the issue body has no form fields: none of its lines is a '### ' heading naming a field of the form",
            $"open a new issue with {form}, or edit this one so that each field starts with a line '### <label>'; the labels are {ListOptions(fields.Select(field => field.Label.Trim()))}");
    }

    private static string HowToFill(IssueFormElement field) => field.Type switch
    {
        IssueFormElementType.Dropdown when field.Multiple => $"edit the issue and write one or more of {ListOptions(field.Options)} under its heading, separated by ', '",
        IssueFormElementType.Dropdown => $"edit the issue and write one of {ListOptions(field.Options)} under its heading",
        IssueFormElementType.Checkboxes => "edit the issue and check at least one option: '- [x] option'",
        _ => "edit the issue and write a value under its heading",
    };

    private static IssueFormProblem Problem(IssueFormElement field, string code, string message, string hint) =>
        new(code, field.Label.Trim(), message, hint) { FieldId = field.Id };

    private static string ListOptions(IEnumerable<string> options) => string.Join(", ", options.Select(option => $"'{option}'"));

    private static string[] SplitLines(string body)
    {
        if (body.StartsWith('\uFEFF'))
        {
            body = body[1..];
        }

        return body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
    }

    private static string JoinTrimmingBlankLines(IReadOnlyList<string> lines)
    {
        var first = 0;
        while (first < lines.Count && string.IsNullOrWhiteSpace(lines[first]))
        {
            first++;
        }

        var last = lines.Count - 1;
        while (last >= first && string.IsNullOrWhiteSpace(lines[last]))
        {
            last--;
        }

        return first > last ? string.Empty : string.Join('\n', lines.Skip(first).Take(last - first + 1)).TrimEnd();
    }
}
