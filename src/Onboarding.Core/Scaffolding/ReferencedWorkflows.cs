namespace Onboarding.Core.Scaffolding;

/// <summary>
/// Turns the workflows of the copy model (the platform repository is a copy of the toolkit and calls
/// its action as <c>uses: ./</c>) into those of the reference model: the action called from the
/// toolkit's repository at a commit, and a pull-request check that watches the platform's own files.
/// </summary>
public static partial class ReferencedWorkflows
{
    /// <summary>The copy model's check also runs when the toolkit's own sources change.</summary>
    public const string CopyModelPaths = """
            paths:
              - "teams/**"
              - "onboarding.yaml"
              - "generated/**"
              - "templates/**"
              - "schemas/**"
              - ".github/ISSUE_TEMPLATE/**"
              - ".github/workflows/check.yml"
              - "src/**"
              - "action.yml"
              - "scripts/action/**"

        """;

    /// <summary>A platform that references the action has no toolkit sources; templates/ still feeds the issue form.</summary>
    public const string ReferenceModelPaths = """
            paths:
              - "teams/**"
              - "onboarding.yaml"
              - "generated/**"
              - "templates/**"
              - ".github/ISSUE_TEMPLATE/**"
              - ".github/workflows/check.yml"

        """;

    public static bool Applies(string path) =>
        path.Contains(".github/workflows/", StringComparison.Ordinal) && path.EndsWith(".yml", StringComparison.Ordinal);

    public static byte[] Rewrite(string path, byte[] content, ActionReference action)
    {
        var text = LocalUses().Replace(Encoding.UTF8.GetString(content), match => match.Groups[1].Value + action.Uses);
        if (path == ".github/workflows/check.yml")
        {
            // Embedded from workflows/check.yml: a test keeps the two lists in step with that file.
            if (!text.Contains(CopyModelPaths, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("workflows/check.yml no longer holds the copy model's paths list that init replaces");
            }

            text = text.Replace(CopyModelPaths, ReferenceModelPaths, StringComparison.Ordinal);
        }

        return Encoding.UTF8.GetBytes(text);
    }

    [GeneratedRegex(@"^([ \t]*(?:- )?uses:[ \t]+)\./[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex LocalUses();
}
