using Onboarding.Testing;

namespace Onboarding.Core.Tests.Utils;

/// <summary>The checkout the tests run from, so tests can read the files the repository ships.</summary>
internal static class RepositoryRoot
{
    public static string Path => RepositoryLayout.Root;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
