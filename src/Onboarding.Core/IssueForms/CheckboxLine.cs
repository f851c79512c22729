namespace Onboarding.Core.IssueForms;

/// <summary>
/// One line of a checkboxes field: <c>- [X] label</c> or <c>- [x] label</c> (checked, GitHub has used both),
/// <c>- [ ] label</c> or the hand-typed <c>- [] label</c> (unchecked).
/// </summary>
public readonly record struct CheckboxLine(bool Checked, string Label)
{
    public static bool TryParse(string line, out CheckboxLine checkbox)
    {
        checkbox = default;
        var text = line.Trim();
        if (text.Length < 3 || text[0] is not ('-' or '*') || text[1] != ' ')
        {
            return false;
        }

        var rest = text.AsSpan(2).TrimStart();
        bool isChecked;
        if (rest.StartsWith("[]", StringComparison.Ordinal))
        {
            isChecked = false;
            rest = rest[2..];
        }
        else if (rest.Length >= 3 && rest[0] == '[' && rest[2] == ']' && rest[1] is (' ' or 'x' or 'X'))
        {
            isChecked = rest[1] != ' ';
            rest = rest[3..];
        }
        else
        {
            return false;
        }

        if (rest.Length < 2 || rest[0] is not (' ' or '\t'))
        {
            return false;
        }

        checkbox = new CheckboxLine(isChecked, rest.Trim().ToString());
        return checkbox.Label.Length > 0;
    }
}
