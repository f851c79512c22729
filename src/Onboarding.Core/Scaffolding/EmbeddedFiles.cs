using System.Reflection;

namespace Onboarding.Core.Scaffolding;

/// <summary>
/// The repository's own files (workflows, schemas, templates) and the init-only files, embedded in
/// the assembly under their path in this repository so they travel with the CLI and have one source.
/// </summary>
public static class EmbeddedFiles
{
    /// <summary>Prefix of the files that exist only for <c>init</c> (kept under src/Onboarding.Core/Scaffolding/Files/).</summary>
    public const string InitPrefix = "init/";

    private static readonly Assembly Assembly = typeof(EmbeddedFiles).Assembly;

    public static IReadOnlyList<string> Names { get; } = [.. Assembly.GetManifestResourceNames().Where(IsScaffold).Order(StringComparer.Ordinal)];

    public static byte[] Read(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded file '{name}' is missing from {Assembly.GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool IsScaffold(string name) =>
        name.StartsWith(InitPrefix, StringComparison.Ordinal)
        || name.StartsWith("workflows/", StringComparison.Ordinal)
        || name.StartsWith("schemas/", StringComparison.Ordinal)
        || name.StartsWith("templates/", StringComparison.Ordinal);
}
