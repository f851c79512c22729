namespace Onboarding.Core.Scaffolding;

/// <summary>A file of a new platform repository: its path there and its content.</summary>
public sealed record ScaffoldFile(string Path, byte[] Content);

/// <summary>What <c>onboard init</c> writes, built from the embedded files.</summary>
public static class PlatformScaffold
{
    public const string PlaceholderOrg = "your-org";

    /// <summary>Where each embedded file goes in the new repository.</summary>
    public static IReadOnlyList<(string Source, string Target)> Layout()
    {
        var layout = new List<(string, string)>();
        foreach (var name in EmbeddedFiles.Names)
        {
            if (name.StartsWith(EmbeddedFiles.InitPrefix, StringComparison.Ordinal))
            {
                var rest = name[EmbeddedFiles.InitPrefix.Length..];
                layout.Add((name, rest == "gitattributes" ? ".gitattributes" : rest));
            }
            else if (name.StartsWith("workflows/", StringComparison.Ordinal))
            {
                layout.Add((name, ".github/" + name));
            }
            else
            {
                // The issue form GitHub offers (.github/ISSUE_TEMPLATE/) is not copied: the compile generates it from templates/.
                layout.Add((name, name));
            }
        }

        return [.. layout.OrderBy(l => l.Item2, StringComparer.Ordinal)];
    }

    /// <summary>The files of a new platform repository; <paramref name="org"/> must already match the org pattern.</summary>
    /// <param name="action">Where the workflows call the action from; null keeps <c>uses: ./</c> (the platform is a copy of the toolkit).</param>
    public static IReadOnlyList<ScaffoldFile> Files(string org, ActionReference? action = null)
    {
        var files = new List<ScaffoldFile>();
        foreach (var (source, target) in Layout())
        {
            var content = EmbeddedFiles.Read(source);
            if (target == "onboarding.yaml" && org != PlaceholderOrg)
            {
                content = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(content)
                    .Replace($"org: {PlaceholderOrg}\n", $"org: {org}\n", StringComparison.Ordinal)
                    .Replace($"repo_owners: [{PlaceholderOrg}]\n", $"repo_owners: [{org}]\n", StringComparison.Ordinal));
            }

            if (action is not null && ReferencedWorkflows.Applies(target))
            {
                content = ReferencedWorkflows.Rewrite(target, content, action);
            }

            files.Add(new ScaffoldFile(target, content));
        }

        return files;
    }
}
