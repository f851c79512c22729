namespace Onboarding.Core.IssueForms;

/// <summary>
/// The key of a field that has no <c>id</c>: its label in lower case, every run of characters other than
/// ASCII letters and digits replaced by one underscore, underscores trimmed from both ends.
/// </summary>
public static class IssueFormSlug
{
    public static string FromLabel(string label)
    {
        var slug = new System.Text.StringBuilder(label.Length);
        var pendingSeparator = false;
        foreach (var c in label)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingSeparator && slug.Length > 0)
                {
                    slug.Append('_');
                }

                pendingSeparator = false;
                slug.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSeparator = true;
            }
        }

        return slug.ToString();
    }
}
