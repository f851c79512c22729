namespace Onboarding.Core.IssueForms;

/// <summary>A GitHub issue form (<c>.github/ISSUE_TEMPLATE/*.yml</c>): the fields GitHub renders into an issue body.</summary>
public sealed record IssueFormTemplate(
    string Path,
    string? Name,
    string? Title,
    IReadOnlyList<string> Labels,
    IReadOnlyList<IssueFormElement> Elements)
{
    /// <summary>The elements whose values appear in the issue body, in template order.</summary>
    public IEnumerable<IssueFormElement> Fields => Elements.Where(element => element.IsSubmitted);

    /// <summary>The labels of every element that GitHub writes as a <c>### label</c> heading, trimmed.</summary>
    public IReadOnlySet<string> HeadingLabels =>
        Elements.Where(element => element.HasHeading).Select(element => element.Label.Trim()).ToHashSet(StringComparer.Ordinal);

    /// <summary>Reads an issue form from its YAML text.</summary>
    /// <param name="yamlText">The template as written in the repository.</param>
    /// <param name="path">The file the text came from; used only in messages.</param>
    /// <exception cref="IssueFormTemplateException">The template is malformed.</exception>
    public static IssueFormTemplate Parse(string yamlText, string path) => IssueFormTemplateReader.Read(yamlText, path);

    /// <summary>Reads an issue form from a file.</summary>
    /// <exception cref="IssueFormTemplateException">The file is missing or malformed.</exception>
    public static IssueFormTemplate Load(string path)
    {
        byte[]? bytes;
        try
        {
            // A UTF-8 character is at most 4 bytes: anything longer than this is over the character limit anyway.
            bytes = Sources.InputFileReader.Read(path, (4 * IssueFormTemplateReader.MaxTemplateChars) + 1);
        }
        catch (Sources.UnusableFileException e)
        {
            throw new IssueFormTemplateException(path, 1, 1, $"cannot read the issue form: it {e.Problem}; {e.Hint}");
        }

        if (bytes is null)
        {
            throw new IssueFormTemplateException(path, 1, 1, "cannot read the issue form: it was not found; check the path given to --template");
        }

        return Parse(Sources.InputText.Decode(bytes), path);
    }
}
