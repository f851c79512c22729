using Onboarding.Core.Diagnostics;
using Onboarding.Core.Import;
using Onboarding.Core.Tests.Utils;

namespace Onboarding.Core.Tests.Import;

/// <summary>
/// Anything a team file cannot express is an error of its own that names the bundle and its JSON
/// path and says how to fix it; nothing is dropped and nothing is written.
/// </summary>
public class ImportRefusalSpecs
{
    private const string Git = "airflow.providers.git.bundles.git.GitDagBundle";

    private const string GoodKwargs = """
        "repo_url": "https://github.com/acme-data/airflow-good.git", "tracking_ref": "main", "subdir": "dags", "git_conn_id": "github_default", "refresh_interval": 300
        """;

    private static string Good(string name) => Item(name, GoodKwargs);

    private static string WithKwargs(string name, string kwargs) => Item(name, kwargs);

    /// <summary>One list item; <paramref name="extra"/> is added inside the item's object as written.</summary>
    private static string Item(string name, string? kwargs, string classpath = Git, string extra = "") =>
        "{\"name\": \"" + name + "\", \"classpath\": \"" + classpath + "\"" + (kwargs is null ? "" : ", \"kwargs\": {" + kwargs + "}") + extra + "}";

    private static string Replacing(string name, string key, string value) =>
        WithKwargs(name, string.Join(", ", GoodKwargs.Split(", ").Select(kv => kv.StartsWith($"\"{key}\"", StringComparison.Ordinal) ? $"\"{key}\": {value}" : kv)));

    private static string Without(string name, string key) =>
        WithKwargs(name, string.Join(", ", GoodKwargs.Split(", ").Where(kv => !kv.StartsWith($"\"{key}\"", StringComparison.Ordinal))));

    public static TheoryData<string, string, string, string> Inexpressible => new()
    {
        // second item of the list, expected code, text the message must contain, text the hint must contain
        { Item("local", "\"path\": \"/opt/dags\"", "airflow.dag_processing.bundles.local.LocalDagBundle"), DiagnosticCodes.ImportUnsupportedClasspath, "dag_bundle_config_list[1] (bundle 'local')", "disappear" },
        { Item("old", GoodKwargs, "airflow.dag_processing.bundles.git.GitDagBundle"), DiagnosticCodes.ImportUnsupportedClasspath, "dag_bundle_config_list[1] (bundle 'old')", Git },
        { WithKwargs("pruned", GoodKwargs + ", \"prune_dotgit_folder\": \"true\""), DiagnosticCodes.ImportWrongShape, "dag_bundle_config_list[1].kwargs.prune_dotgit_folder (bundle 'pruned')", "even \"false\", as true" },
        { WithKwargs("viewed", GoodKwargs + ", \"view_url_template\": \"file:///srv/dags\""), DiagnosticCodes.ImportInvalidValue, "dag_bundle_config_list[1].kwargs.view_url_template (bundle 'viewed')", "http:// or https://" },
        { WithKwargs("deep", GoodKwargs + ", \"depth\": 1"), DiagnosticCodes.ImportUnsupportedKwarg, "dag_bundle_config_list[1].kwargs.depth (bundle 'deep')", "kwargs may hold" },
        { WithKwargs("named", GoodKwargs + ", \"name\": \"x\""), DiagnosticCodes.ImportUnsupportedKwarg, "dag_bundle_config_list[1].kwargs.name (bundle 'named')", "remove it" },
        { Replacing("ssh", "repo_url", "\"git@github.com:acme-data/airflow-ssh.git\""), DiagnosticCodes.ImportInvalidValue, "dag_bundle_config_list[1].kwargs.repo_url (bundle 'ssh')", "'https://github.com/acme-data/airflow-ssh.git'" },
        { Replacing("gitlab", "repo_url", "\"https://gitlab.com/acme-data/dags.git\""), DiagnosticCodes.ImportInvalidValue, "dag_bundle_config_list[1].kwargs.repo_url (bundle 'gitlab')", "policy.repo_hosts" },
        { Replacing("foreign", "repo_url", "\"https://github.com/someone-else/dags.git\""), DiagnosticCodes.ImportInvalidValue, "dag_bundle_config_list[1].kwargs.repo_url (bundle 'foreign')", "policy.repo_owners" },
        { Replacing("plain-http", "repo_url", "\"http://github.com/acme-data/dags.git\""), DiagnosticCodes.ImportInvalidValue, "dag_bundle_config_list[1].kwargs.repo_url (bundle 'plain-http')", "https://github.com/<owner>/<repo>.git" },
        { Replacing("token", "repo_url", "\"https://user:tok@github.com/acme-data/dags.git\""), DiagnosticCodes.ImportInvalidValue, "dag_bundle_config_list[1].kwargs.repo_url (bundle 'token')", "policy" },
        { Replacing("numeric-repo", "repo_url", "123"), DiagnosticCodes.ImportWrongShape, "dag_bundle_config_list[1].kwargs.repo_url (bundle 'numeric-repo')", "repo_url" },
        { Without("no-repo", "repo_url"), DiagnosticCodes.ImportWrongShape, "dag_bundle_config_list[1].kwargs.repo_url (bundle 'no-repo') is missing", "repo_url" },
        { Replacing("text-refresh", "refresh_interval", "\"60\""), DiagnosticCodes.ImportWrongShape, "dag_bundle_config_list[1].kwargs.refresh_interval (bundle 'text-refresh')", "without quotes" },
        { Replacing("float-refresh", "refresh_interval", "60.5"), DiagnosticCodes.ImportWrongShape, "dag_bundle_config_list[1].kwargs.refresh_interval (bundle 'float-refresh')", "decimal point" },
        { Replacing("zero-refresh", "refresh_interval", "0"), DiagnosticCodes.ImportInvalidValue, "dag_bundle_config_list[1].kwargs.refresh_interval (bundle 'zero-refresh') is 0", "at least 10" },
        { WithKwargs("text-bool", GoodKwargs + ", \"submodules\": \"false\""), DiagnosticCodes.ImportWrongShape, "dag_bundle_config_list[1].kwargs.submodules (bundle 'text-bool')", "even \"false\", as true" },
        { WithKwargs("sparse-text", GoodKwargs + ", \"sparse_dirs\": \"dags\""), DiagnosticCodes.ImportWrongShape, "dag_bundle_config_list[1].kwargs.sparse_dirs (bundle 'sparse-text')", "[\"dags\"" },
        { WithKwargs("sparse-up", GoodKwargs + ", \"sparse_dirs\": [\"dags\", \"../etc\"]"), DiagnosticCodes.ImportInvalidValue, "dag_bundle_config_list[1].kwargs.sparse_dirs[1] (bundle 'sparse-up')", "no '..'" },
        { Replacing("abs-subdir", "subdir", "\"/etc\""), DiagnosticCodes.ImportInvalidValue, "dag_bundle_config_list[1].kwargs.subdir (bundle 'abs-subdir')", "relative folder" },
        { Replacing("option-ref", "tracking_ref", "\"-rf\""), DiagnosticCodes.ImportInvalidValue, "dag_bundle_config_list[1].kwargs.tracking_ref (bundle 'option-ref')", "no leading '-'" },
        { Without("no-ref", "tracking_ref"), DiagnosticCodes.ImportWrongShape, "dag_bundle_config_list[1].kwargs.tracking_ref (bundle 'no-ref') is missing", "tracking_ref" },
        { Replacing("bad-conn", "git_conn_id", "\"a b\""), DiagnosticCodes.ImportInvalidValue, "dag_bundle_config_list[1].kwargs.git_conn_id (bundle 'bad-conn')", "connection id" },
        { Item("no-kwargs", null), DiagnosticCodes.ImportWrongShape, "dag_bundle_config_list[1] (bundle 'no-kwargs') has no 'kwargs'", "kwargs" },
        { Item("list-kwargs", null, extra: ", \"kwargs\": []"), DiagnosticCodes.ImportWrongShape, "dag_bundle_config_list[1] (bundle 'list-kwargs'): kwargs must be an object", "kwargs" },
        { Item("extra", GoodKwargs, extra: ", \"description\": \"x\""), DiagnosticCodes.ImportWrongShape, "dag_bundle_config_list[1] (bundle 'extra'): key 'description'", "remove it" },
        { "\"just text\"", DiagnosticCodes.ImportWrongShape, "dag_bundle_config_list[1] must be an object", "remove" },
        { Good("Analytics"), DiagnosticCodes.ImportInvalidValue, "dag_bundle_config_list[1].name: bundle name 'Analytics'", "lowercase" },
        { Good("example_dags"), DiagnosticCodes.ImportInvalidValue, "dag_bundle_config_list[1].name: bundle name 'example_dags' is reserved", "rename" },
        { Good("dags-folder"), DiagnosticCodes.ImportInvalidValue, "dag_bundle_config_list[1].name: bundle name 'dags-folder' is reserved", "rename" },
        { Good("p\u0430yments"), DiagnosticCodes.ImportInvalidValue, "non-ASCII character (U+0430", "rename" },
        { Item("short-team", GoodKwargs, extra: ", \"team_name\": \"x\""), DiagnosticCodes.ImportInvalidValue, "dag_bundle_config_list[1].team_name: team name 'x'", "3-50 characters" },
        { Good("good"), DiagnosticCodes.ImportDuplicateBundle, "dag_bundle_config_list[1] (bundle 'good'): bundle name 'good' is already used by dag_bundle_config_list[0]", "duplicate" },
        { Good("GOOD"), DiagnosticCodes.ImportInvalidValue, "bundle name 'GOOD'", "lowercase" },
        { Without("no-subdir", "subdir"), DiagnosticCodes.ImportNotRoundTrippable, "dag_bundle_config_list[1] (bundle 'no-subdir') has no subdir, but onboarding.yaml gives every bundle subdir 'dags' in environment(s) dev, prod", "airflow.defaults" },
        { Without("no-refresh", "refresh_interval"), DiagnosticCodes.ImportNotRoundTrippable, "dag_bundle_config_list[1] (bundle 'no-refresh') has no refresh_interval", "300" },
        { Without("no-conn", "git_conn_id"), DiagnosticCodes.ImportNotRoundTrippable, "dag_bundle_config_list[1] (bundle 'no-conn') has no git_conn_id", "git_default" },
        { Item("teamed", GoodKwargs, extra: ", \"team_name\": \"sales\""), DiagnosticCodes.ImportNotRoundTrippable, "dag_bundle_config_list[1] (bundle 'teamed') sets team_name, but onboarding.yaml has airflow.multi_team: false", "multi_team: true" },
    };

    [Theory]
    [MemberData(nameof(Inexpressible))]
    public void An_inexpressible_bundle_is_one_clear_error_and_nothing_is_written(string item, string code, string message, string hint)
    {
        using var platform = new PlatformFixture();

        var result = platform.Import("bundles.json", $"[\n{Good("good")},\n{item}\n]\n");

        var error = Assert.Single(result.Errors());
        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(hint, error.Hint ?? "", StringComparison.Ordinal);
        Assert.Equal("bundles.json", error.Location.File);
        Assert.Equal(3, error.Location.Line);
        Assert.Empty(result.Files);
        Assert.Empty(platform.TeamFiles());
    }

    [Theory]
    [InlineData("{\"name\": \"a\"}", DiagnosticCodes.ImportWrongShape, "must be a JSON list of bundles, not an object")]
    [InlineData("[]", DiagnosticCodes.ImportWrongShape, "holds no bundles")]
    [InlineData("null", DiagnosticCodes.ImportWrongShape, "not null")]
    [InlineData("[{\"name\": \"alpha\", \"name\": \"beta\", \"classpath\": \"x\", \"kwargs\": {}}]", DiagnosticCodes.ImportJsonSyntax, "key 'name' is given twice")]
    [InlineData("[{\"name\": \"alpha\", \"classpath\": \"x\", \"kwargs\": {},}]", DiagnosticCodes.ImportJsonSyntax, "not valid JSON")]
    [InlineData("[{\"name\": \"alpha\", \"classpath\": \"x\", \"kwargs\": {\"refresh_interval\": NaN}}]", DiagnosticCodes.ImportJsonSyntax, "not valid JSON")]
    [InlineData("// bundles\n[]", DiagnosticCodes.ImportJsonSyntax, "not valid JSON")]
    [InlineData("[{'name': 'alpha'}]", DiagnosticCodes.ImportJsonSyntax, "not valid JSON")]
    public void A_list_Airflow_would_misread_or_refuse_is_one_clear_error(string json, string code, string message)
    {
        using var platform = new PlatformFixture();

        var result = platform.Import("bundles.json", json);

        var error = Assert.Single(result.Errors());
        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(platform.TeamFiles());
    }

    [Fact]
    public void Every_problem_of_a_list_is_reported_in_one_run()
    {
        using var platform = new PlatformFixture();
        var list = $"[{Replacing("one", "refresh_interval", "\"60\"")}, {Good("Two")}, {WithKwargs("three", GoodKwargs + ", \"depth\": 1")}]";

        var result = platform.Import("bundles.json", list);

        Assert.Equal([DiagnosticCodes.ImportWrongShape, DiagnosticCodes.ImportInvalidValue, DiagnosticCodes.ImportUnsupportedKwarg], result.Errors().Select(e => e.Code));
        Assert.Empty(platform.TeamFiles());
    }

    [Fact]
    public void A_duplicate_key_inside_an_airflow_cfg_value_is_reported_at_its_line_in_the_cfg()
    {
        using var platform = new PlatformFixture();
        var cfg = $"[dag_processor]\ndag_bundle_config_list = [\n    {Good("alpha")},\n    {{\"name\": \"beta\",\n     \"name\": \"gamma\"}}\n  ]\n";

        var error = Assert.Single(platform.Import("airflow.cfg", cfg).Errors());

        Assert.Equal(DiagnosticCodes.ImportJsonSyntax, error.Code);
        Assert.Equal(new SourceLocation("airflow.cfg", 5, 6), error.Location);
    }

    [Fact]
    public void An_existing_team_file_is_not_replaced_without_force()
    {
        using var platform = new PlatformFixture();
        platform.WriteTeam("good", """
            schema_version: 1
            name: good
            description: Hand-written
            owners:
              github_team: good-eng
              contacts: [good@example.com]
            bundles:
              - name: good
                repo: airflow-old
            """);
        var before = platform.Read("teams/good.yaml");

        var refused = platform.Import("bundles.json", $"[{Good("good")}]");

        var error = Assert.Single(refused.Errors());
        Assert.Equal(DiagnosticCodes.ImportTeamFileExists, error.Code);
        Assert.Contains("teams/good.yaml already exists", error.Message, StringComparison.Ordinal);
        Assert.Contains("--force", error.Hint, StringComparison.Ordinal);
        Assert.Equal(before, platform.Read("teams/good.yaml"));

        var forced = platform.Import("bundles.json", $"[{Good("good")}]", force: true);

        forced.AssertNoErrors();
        Assert.Equal([ImportFileStatus.Replaced], forced.Files.Select(f => f.Status));
        var replaced = platform.Read("teams/good.yaml");
        Assert.Contains("repo: airflow-good", replaced, StringComparison.Ordinal);
        Assert.Contains("github_team: good-eng", replaced, StringComparison.Ordinal);
        Assert.Contains("description: Hand-written", replaced, StringComparison.Ordinal);
        Assert.Contains("good@example.com", replaced, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bundle_already_in_another_team_file_is_refused()
    {
        using var platform = new PlatformFixture();
        platform.WriteSimpleTeam("core", repo: "airflow-core");
        platform.WriteTeam("core", """
            schema_version: 1
            name: core
            owners:
              github_team: core-eng
            bundles:
              - name: good
                repo: airflow-good
            """);

        var result = platform.Import("bundles.json", $"[{Good("good")}]");

        var error = Assert.Single(result.Errors());
        Assert.Contains("bundle 'good' is already defined in teams/core.yaml", error.Message, StringComparison.Ordinal);
        Assert.Equal(["core.yaml"], platform.TeamFiles());
    }

    [Fact]
    public void Without_onboarding_yaml_the_error_points_at_onboard_init()
    {
        using var platform = new PlatformFixture();
        File.Delete(platform.PathOf("onboarding.yaml"));

        var error = Assert.Single(platform.Import("bundles.json", $"[{Good("good")}]").Errors());

        Assert.Equal(DiagnosticCodes.MissingPlatformFile, error.Code);
        Assert.Contains("onboard init", error.Hint, StringComparison.Ordinal);
        Assert.Empty(platform.TeamFiles());
    }

    [Fact]
    public void An_invalid_platform_repository_is_fixed_first()
    {
        using var platform = new PlatformFixture();
        platform.WriteTeam("broken", "schema_version: 1\nname: broken\n");

        var result = platform.Import("bundles.json", $"[{Good("good")}]");

        Assert.Contains(result.Errors(), e => e.Code == DiagnosticCodes.ImportPlatformInvalid);
        Assert.Equal(["broken.yaml"], platform.TeamFiles());
    }

    [Fact]
    public void An_unknown_environment_lists_the_known_ones()
    {
        using var platform = new PlatformFixture();

        var error = Assert.Single(platform.Import("bundles.json", $"[{Good("good")}]", environment: "qa").Errors());

        Assert.Equal(DiagnosticCodes.ImportUnknownEnvironment, error.Code);
        Assert.Contains("dev, prod", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Environments_that_disagree_on_the_repository_are_refused()
    {
        using var platform = new PlatformFixture();
        platform.Import("dev.json", $"[{Good("good")}]", environment: "dev").AssertNoErrors();
        var before = platform.Read("teams/good.yaml");

        var result = platform.Import("prod.json", $"[{Replacing("good", "repo_url", "\"https://github.com/acme-data/other.git\"")}]", environment: "prod");

        var error = Assert.Single(result.Errors());
        Assert.Equal(DiagnosticCodes.ImportEnvironmentConflict, error.Code);
        Assert.Contains("kwargs.repo_url is 'https://github.com/acme-data/other.git' in the list for 'prod' but 'https://github.com/acme-data/airflow-good.git' in teams/good.yaml", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, platform.Read("teams/good.yaml"));
    }

    [Fact]
    public void Re_importing_an_environment_with_other_settings_needs_force()
    {
        using var platform = new PlatformFixture();
        platform.Import("dev.json", $"[{Good("good")}]", environment: "dev").AssertNoErrors();
        var changed = $"[{Replacing("good", "tracking_ref", "\"hotfix\"")}]";

        var refused = platform.Import("dev.json", changed, environment: "dev");

        Assert.Equal([DiagnosticCodes.ImportEnvironmentConflict], refused.Errors().Select(e => e.Code));
        Assert.DoesNotContain("hotfix", platform.Read("teams/good.yaml"), StringComparison.Ordinal);

        platform.Import("dev.json", changed, environment: "dev", force: true).AssertNoErrors();

        platform.Compile();
        ImportHarness.AssertEquivalent(changed, platform.CompiledList("dev"));
    }

    [Fact]
    public void A_bundle_enabled_everywhere_is_not_split_per_environment_silently()
    {
        using var platform = new PlatformFixture();
        platform.Import("all.json", $"[{Good("good")}]").AssertNoErrors();

        var result = platform.Import("prod.json", $"[{Replacing("good", "refresh_interval", "900")}]", environment: "prod");

        var error = Assert.Single(result.Errors());
        Assert.Equal(DiagnosticCodes.ImportEnvironmentConflict, error.Code);
        Assert.Contains("enabled in every environment", error.Message, StringComparison.Ordinal);
    }
}
