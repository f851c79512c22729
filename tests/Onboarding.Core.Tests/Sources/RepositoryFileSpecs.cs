using System.Diagnostics;
using Onboarding.Core.Compilation;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Sources;

/// <summary>
/// Only regular files and folders inside the repository are read: links that leave it, FIFOs, sockets and devices
/// are refused before anything opens them, and nothing of their content reaches a message.
/// </summary>
public sealed class RepositoryFileSpecs : IDisposable
{
    private const string Secret = "ghp_0123456789abcdefghijABCDEFGHIJ012345";

    private readonly PlatformFixture _platform = new();
    private readonly TempDirectory _outside = new("onboard-outside");

    [Fact]
    public void A_team_file_linked_from_outside_the_repository_is_refused_without_echoing_its_content()
    {
        _outside.Write("stolen.yaml", $"schema_version: 1\nname: {Secret}\n");
        Directory.CreateDirectory(_platform.PathOf("teams"));
        File.CreateSymbolicLink(_platform.PathOf("teams/stolen.yaml"), _outside.File("stolen.yaml"));

        var result = _platform.Validate();

        result.SingleError(DiagnosticCodes.LinkLeavesRepository, "teams/stolen.yaml", 1, 1);
        Assert.DoesNotContain(Secret, string.Join("\n", result.Diagnostics), StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_etc_passwd_is_refused_and_nothing_of_it_is_shown()
    {
        Directory.CreateDirectory(_platform.PathOf("teams"));
        File.CreateSymbolicLink(_platform.PathOf("teams/passwd.yaml"), "/etc/passwd");

        var result = _platform.Validate();

        result.SingleError(DiagnosticCodes.LinkLeavesRepository, "teams/passwd.yaml", 1, 1);
        Assert.DoesNotContain("root:", string.Join("\n", result.Diagnostics), StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_that_stays_inside_the_repository_is_followed()
    {
        _platform.WriteSimpleTeam("alpha");
        File.Move(_platform.PathOf("teams/alpha.yaml"), _platform.PathOf("alpha-source.yaml"));
        File.CreateSymbolicLink(_platform.PathOf("teams/alpha.yaml"), "../alpha-source.yaml");

        var result = _platform.Compile();

        Assert.Empty(result.Errors());
        Assert.Contains("\"name\": \"alpha\"", _platform.Read("generated/prod/dag_bundle_config.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Dangling_and_looping_links_are_named_as_such()
    {
        Directory.CreateDirectory(_platform.PathOf("teams"));
        File.CreateSymbolicLink(_platform.PathOf("teams/gone.yaml"), "nowhere.yaml");
        File.CreateSymbolicLink(_platform.PathOf("teams/loop.yaml"), "loop.yaml");

        var result = _platform.Validate();

        Assert.Contains("does not exist", ErrorAt(result, "teams/gone.yaml", DiagnosticCodes.LinkLeavesRepository).Message, StringComparison.Ordinal);
        Assert.Contains("loops", ErrorAt(result, "teams/loop.yaml", DiagnosticCodes.LinkLeavesRepository).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fifo_as_a_team_file_or_as_onboarding_yaml_is_refused_at_once_instead_of_blocking()
    {
        Directory.CreateDirectory(_platform.PathOf("teams"));
        Fifo.Create(_platform.PathOf("teams/pipe.yaml"));
        File.Delete(_platform.PathOf("onboarding.yaml"));
        Fifo.Create(_platform.PathOf("onboarding.yaml"));
        var clock = Stopwatch.StartNew();

        var result = _platform.Validate();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Contains("FIFO", ErrorAt(result, "teams/pipe.yaml", DiagnosticCodes.NotARegularFile).Message, StringComparison.Ordinal);
        Assert.Contains("FIFO", ErrorAt(result, "onboarding.yaml", DiagnosticCodes.NotARegularFile).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_teams_folder_is_an_error_not_an_empty_platform()
    {
        var result = _platform.Compile();

        result.SingleError(DiagnosticCodes.MissingTeamsFolder, "teams/", 1, 1);
        Assert.False(_platform.Exists("generated/prod/dag_bundle_config.json"));
    }

    [Fact]
    public void A_teams_file_instead_of_a_folder_and_a_teams_link_leaving_the_repository_are_refused()
    {
        File.WriteAllText(_platform.PathOf("teams"), "not a folder");
        Assert.Contains("not a folder", _platform.Validate().SingleError(DiagnosticCodes.NotARegularFile, "teams", 1, 1).Message, StringComparison.Ordinal);

        File.Delete(_platform.PathOf("teams"));
        _outside.Write("teams/other.yaml", "schema_version: 1\n");
        Directory.CreateSymbolicLink(_platform.PathOf("teams"), _outside.File("teams"));
        _platform.Validate().SingleError(DiagnosticCodes.LinkLeavesRepository, "teams", 1, 1);
    }

    [Fact]
    public void Team_files_in_a_sub_folder_are_reported_not_ignored()
    {
        _platform.WriteSimpleTeam("alpha");
        _platform.WriteTeam("archive/beta", "schema_version: 1\n");

        var error = _platform.Validate().SingleError(DiagnosticCodes.TeamFileName, "teams/archive/", 1, 1);

        Assert.Contains("move its team files up", error.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evil\n::error file=x::pwned.yaml")]
    [InlineData("evil\r\n::add-mask::x.yaml")]
    [InlineData("Capital.yaml")]
    [InlineData("-rf.yaml")]
    public void A_team_file_name_outside_the_pattern_is_an_error_that_shows_the_name_escaped(string name)
    {
        _platform.WriteSimpleTeam("alpha");
        File.WriteAllText(Path.Combine(_platform.PathOf("teams"), name), "schema_version: 1\n");

        var result = _platform.Validate();

        var error = Assert.Single(result.Errors());
        Assert.Equal(DiagnosticCodes.TeamFileName, error.Code);
        Assert.DoesNotContain('\n', error.ToString());
        Assert.DoesNotContain('\r', error.ToString());
    }

    [Fact]
    public void An_unreadable_manifest_is_treated_as_absent_so_compile_repairs_it_and_check_reports_it()
    {
        _platform.WriteSimpleTeam("alpha");
        Assert.Empty(_platform.Compile().Errors());
        File.WriteAllText(_platform.PathOf("generated/manifest.json"), "{\"outputs\": {\"generated/x\": \"\\ud800\"}}");

        var check = _platform.Check();
        var compile = _platform.Compile();

        Assert.Contains(check.Errors(), d => d.Code == DiagnosticCodes.StaleArtifact && d.Location.File == "generated/manifest.json");
        Assert.Contains(compile.Diagnostics, d => d.Severity == Severity.Warning && d.Message.Contains("not valid text", StringComparison.Ordinal));
        Assert.Empty(compile.Errors());
        Assert.Empty(_platform.Check().Errors());
    }

    public void Dispose()
    {
        _platform.Dispose();
        _outside.Dispose();
    }

    private static Diagnostic ErrorAt(CompileResult result, string file, string code) =>
        Assert.Single(result.Errors(), d => d.Location == SourceLocation.StartOf(file) && d.Code == code);
}
