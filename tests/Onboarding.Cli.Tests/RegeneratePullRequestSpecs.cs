using Onboarding.Cli.Tests.Utils;
using Onboarding.GitHub;
using Onboarding.Testing;
using Onboarding.Testing.FakeGitHub;

namespace Onboarding.Cli.Tests;

/// <summary>
/// <c>onboard regenerate --pr</c> for a main that takes no direct push: the commit goes to the tool's own
/// branch on the bare origin (git), and one pull request carries it (the fake GitHub API). Later runs
/// rebuild the branch on the newest main and keep the same pull request.
/// </summary>
public sealed class RegeneratePullRequestSpecs : IAsyncLifetime
{
    private const string Proposal = "onboarding-artifacts/main";
    private const string ProtectMain =
        "#!/bin/sh\nwhile read old new ref; do\n  if [ \"$ref\" = refs/heads/main ]; then echo 'GH006: Protected branch update failed for refs/heads/main.' >&2; exit 1; fi\ndone\n";

    private readonly PlatformOrigin _origin = new();
    private readonly List<HttpClient> _clients = [];
    private readonly AutoAdvancingClock _clock = new();
    private FakeGitHubServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeGitHubServer.StartAsync(_clock);
        _server.State.AddOrganization("acme-data");
        var platform = _server.State.AddRepository("acme-data", "platform", new Dictionary<string, string> { ["README.md"] = "platform\n" });

        // The fake stands for GitHub's API, the bare repository for its git transport: the branch the
        // command pushes is known to the API as it would be on GitHub.
        platform.Refs[$"refs/heads/{Proposal}"] = new string('1', 40);
    }

    [Fact]
    public void A_protected_main_gets_one_pull_request_with_one_artifacts_commit_rebuilt_on_the_newest_main()
    {
        var stale = PushTeamWithoutArtifacts("billing");
        _origin.InstallHook("pre-receive", ProtectMain);

        var direct = CliRun.InProcess(_origin.Clone().Path, "regenerate", "--push");
        var first = Run("regenerate", "--pr");

        Assert.Equal(3, direct.ExitCode);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("opened pull request #", first.Out, StringComparison.Ordinal);
        Assert.Equal(stale, _origin.Head());
        var commit = _origin.Head(Proposal);
        Assert.Equal(stale, _origin.Git("rev-parse", $"{commit}~1").Trim());
        Assert.Equal($"Regenerate artifacts for {stale}", _origin.Git("log", "-1", "--format=%s", commit).Trim());
        Assert.All(_origin.ChangedFiles(commit), path => Assert.StartsWith("generated/", path, StringComparison.Ordinal));
        var pull = Assert.Single(_server.State.PullRequests("acme-data", "platform"));
        Assert.Equal("Regenerate artifacts", pull.Title);
        Assert.Equal((Proposal, "main"), (pull.Pull!.HeadRef, pull.Pull.BaseRef));

        var again = Run("regenerate", "--pr");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains($"{Proposal} already holds this change; nothing pushed", again.Out, StringComparison.Ordinal);
        Assert.Equal(commit, _origin.Head(Proposal));

        File.Delete(Path.Combine(_origin.Url, "hooks", "pre-receive"));
        var newer = PushTeamWithoutArtifacts("ingest");
        _origin.InstallHook("pre-receive", ProtectMain);
        var third = Run("regenerate", "--pr");

        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Contains($"pull request #{pull.Number} carries it", third.Out, StringComparison.Ordinal);
        Assert.Equal(newer, _origin.Git("rev-parse", $"{_origin.Head(Proposal)}~1").Trim());
        Assert.Contains("\"name\": \"ingest\"", _origin.Git("show", $"{Proposal}:generated/prod/dag_bundle_config.json"), StringComparison.Ordinal);
        var only = Assert.Single(_server.State.PullRequests("acme-data", "platform"));
        Assert.Contains($"Regenerate artifacts for {newer}", only.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_token_or_repository_pr_is_a_usage_error_before_any_git_work()
    {
        PushTeamWithoutArtifacts("billing");

        var run = CliRun.InProcess(_origin.Clone().Path, "regenerate", "--pr");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("GITHUB_TOKEN holds no token", run.Error, StringComparison.Ordinal);
        Assert.Empty(_origin.Git("branch", "--list", Proposal));
    }

    private string PushTeamWithoutArtifacts(string team)
    {
        var maintainer = _origin.Clone();
        PlatformOrigin.WriteTeam(maintainer, team);
        var commit = maintainer.CommitAll($"Add {team} without compiling");
        maintainer.Git("push", "--quiet", "origin", "main");
        return commit;
    }

    private CliOutcome Run(params string[] args)
    {
        var variables = new Dictionary<string, string>
        {
            ["GITHUB_TOKEN"] = _server.Token,
            ["GITHUB_API_URL"] = _server.BaseAddress.ToString(),
            ["GITHUB_REPOSITORY"] = "acme-data/platform",
        };
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var context = new CliContext(output, error, name => variables.GetValueOrDefault(name), _origin.Clone().Path)
        {
            GitHubClientFactory = (address, token) =>
            {
                var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
                _clients.Add(http);
                return new GitHubClient(http, new GitHubClientOptions { BaseAddress = address, Token = token, Jitter = () => 0 }, _clock);
            },
        };
        var code = CliRun.Invoke(args, context);
        return new CliOutcome(code, output.ToString(), error.ToString());
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _server.DisposeAsync();
        _origin.Dispose();
    }
}
