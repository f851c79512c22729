namespace Onboarding.Core.Tests.Utils;

/// <summary>The checkout the tests run from, so tests can read the files the repository ships.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Onboarding.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Onboarding.sln above {AppContext.BaseDirectory}");
    }
}
