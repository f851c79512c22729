namespace Onboarding.Testing;

/// <summary>Finds the repository's own files (examples, schemas, templates) from a test's output folder.</summary>
public static class RepositoryLayout
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Onboarding.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"Onboarding.sln not found above {AppContext.BaseDirectory}");
    });

    public static string Root => RootPath.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>
    /// Copies the example platform (onboarding.yaml, teams/, generated/, schemas/, templates/ and the issue form
    /// generated from them in .github/ISSUE_TEMPLATE/) into
    /// <paramref name="target"/>, so a test can change it freely.
    /// </summary>
    public static void CopyExamplePlatform(string target)
    {
        File.Copy(PathOf("onboarding.yaml"), Path.Combine(target, "onboarding.yaml"), overwrite: true);
        foreach (var folder in new[] { "teams", "generated", "schemas", "templates", ".github/ISSUE_TEMPLATE" })
        {
            CopyFolder(PathOf(folder), Path.Combine(target, folder));
        }
    }

    public static void CopyFolder(string source, string target)
    {
        if (!Directory.Exists(source))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
