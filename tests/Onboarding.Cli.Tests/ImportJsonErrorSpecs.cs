using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>
/// Import's JSON syntax errors, as the published process shows them: in the tool's own words at the right place,
/// never the runtime's resource keys (the binary carries no framework messages).
/// </summary>
public sealed class ImportJsonErrorSpecs : IDisposable
{
    private readonly TempDirectory _platform = new("onboard-import-json");

    public ImportJsonErrorSpecs() => RepositoryLayout.CopyExamplePlatform(_platform.Path);

    [Theory]
    [InlineData("[{\"name\": \"a\"}] #", "list.json:1:17: error IMP004: the bundle list is not valid JSON: '#' follows the end of the list", "ExpectedEndAfterSingleJson")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "it is nested deeper than 32 levels", "ArrayDepthTooLarge")]
    [InlineData("[{\"name\": \"a\",}]", "a comma comes before a closing bracket", "TrailingComma")]
    public void A_json_syntax_error_is_described_in_words_not_resource_keys(string json, string expected, string key)
    {
        _platform.Write("list.json", json);

        var result = CliRun.Process(_platform.Path, null, "import", "--dry-run", "--from", "list.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(key, result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _platform.Dispose();
}
