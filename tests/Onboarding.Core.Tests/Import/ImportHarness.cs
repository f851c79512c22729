using System.Text.Json;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Import;
using Onboarding.Core.Tests.Utils;

namespace Onboarding.Core.Tests.Import;

/// <summary>Runs import on a real platform folder and compares bundle lists as parsed JSON.</summary>
internal static class ImportHarness
{
    /// <summary>Writes <paramref name="content"/> as <paramref name="fileName"/> in the platform folder, imports it, and writes the team files unless there is an error.</summary>
    public static ImportResult Import(this PlatformFixture platform, string fileName, string content, string? environment = null, bool force = false, ImportFormat? format = null)
    {
        var path = platform.PathOf(fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        var result = TeamImporter.PlanAsync(new ImportOptions(platform.Root, path, fileName, format, environment, force), CancellationToken.None).GetAwaiter().GetResult();
        if (!result.HasErrors)
        {
            TeamImporter.Apply(platform.Root, result);
        }

        return result;
    }

    public static IReadOnlyList<Diagnostic> Errors(this ImportResult result) => [.. result.Diagnostics.Where(d => d.Severity == Severity.Error)];

    public static void AssertNoErrors(this ImportResult result) =>
        Assert.True(!result.HasErrors, "import failed:\n" + string.Join("\n", result.Diagnostics));

    /// <summary>Every bundle of the list as name → canonical JSON of (classpath, kwargs, team_name); key order and formatting do not matter.</summary>
    public static SortedDictionary<string, string> Canonical(string listJson)
    {
        using var document = JsonDocument.Parse(listJson);
        var bundles = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var kwargs = item.GetProperty("kwargs").EnumerateObject()
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => $"{p.Name}={JsonSerializer.Serialize(p.Value)}");
            var team = item.TryGetProperty("team_name", out var t) ? t.GetString() : null;
            bundles.Add(item.GetProperty("name").GetString()!, $"classpath={item.GetProperty("classpath").GetString()}; team_name={team ?? "-"}; {string.Join("; ", kwargs)}");
        }

        return bundles;
    }

    public static void AssertEquivalent(string expectedList, string compiledList)
    {
        var expected = Canonical(expectedList);
        var actual = Canonical(compiledList);
        Assert.True(expected.SequenceEqual(actual),
            $"compiled list differs from the imported one\nexpected:\n  {string.Join("\n  ", expected.Select(e => $"{e.Key}: {e.Value}"))}\nactual:\n  {string.Join("\n  ", actual.Select(e => $"{e.Key}: {e.Value}"))}");
    }

    public static string CompiledList(this PlatformFixture platform, string environment) =>
        platform.Read($"generated/{environment}/dag_bundle_config.json");

    public static string[] TeamFiles(this PlatformFixture platform) =>
        Directory.Exists(platform.PathOf("teams"))
            ? [.. Directory.EnumerateFiles(platform.PathOf("teams")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!]
            : [];
}
