using Onboarding.Testing;
using Onboarding.Testing.FakeGitHub;

namespace Onboarding.Cli.Tests.Utils;

/// <summary>
/// Everything the --json runs need, made once: the example platform as a git repository (without the team the
/// example issue asks for), a platform that does not load, a fake GitHub for the issue flow and one for backfill.
/// </summary>
public sealed class JsonRunWorld : IAsyncLifetime
{
    public const string Action = "acme-data/onboard-toolkit@0123456789abcdef0123456789abcdef01234567";

    private OnboardingWorld? _onboarding;
    private BackfillWorld? _backfill;

    public TempGitRepository Platform { get; } = new("onboard-json-platform");

    public TempDirectory Broken { get; } = new("onboard-json-broken");

    public TempDirectory Files { get; } = new("onboard-json-files");

    internal OnboardingWorld Onboarding => _onboarding!;

    internal BackfillWorld Backfill => _backfill!;

    /// <summary>An approved request for a new team, and one whose body has problems, as <c>issues</c> events.</summary>
    public string ValidEvent { get; private set; } = string.Empty;

    public string InvalidEvent { get; private set; } = string.Empty;

    /// <summary>The same request labelled with something else than the approval label: nothing to do.</summary>
    public string OtherLabelEvent { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        RepositoryLayout.CopyExamplePlatform(Platform.Path);
        File.Delete(Platform.Directory.File("teams/payments.yaml"));
        var compile = CliRun.InProcess(Platform.Path, "compile");
        Assert.True(compile.ExitCode == 0, compile.ToString());
        Platform.CommitAll("Example platform");

        Broken.Write("onboarding.yaml", "schema_version: 7\n");
        Broken.Write("teams/README.md", "Team files.\n");
        Files.Write("not-json.json", "{ this is not an event");

        _onboarding = await OnboardingWorld.CreateAsync();
        var request = Onboarding.AddIssue("ingest", "ingest-eng", "airflow-ingest");
        ValidEvent = Onboarding.WriteEvent(request);
        OtherLabelEvent = Onboarding.WriteEvent(request, label: "bug");
        var bad = Onboarding.State.AddIssue(OnboardingWorld.Org, OnboardingWorld.Platform, "Onboard team: Bad",
            OnboardingWorld.IssueBody("Bad Name!", "ingest-eng", "airflow-ingest"), ["onboarding", OnboardingWorld.ApprovalLabel], author: "dana");
        InvalidEvent = Onboarding.WriteEvent(bad);

        // Converged: each team's repository exists and its owners can push, so no run sends a write (writes are paced by the second).
        _backfill = await BackfillWorld.CreateAsync(2);
        Backfill.AddTeamRepository(0);
        Backfill.AddTeamRepository(1);
    }

    /// <summary>The variables of a workflow run against the fake GitHub of the issue flow.</summary>
    internal Dictionary<string, string> OnboardingVariables() => new()
    {
        ["GITHUB_TOKEN"] = Onboarding.Token,
        ["GITHUB_API_URL"] = Onboarding.Server.BaseAddress.ToString(),
        ["GITHUB_REPOSITORY"] = $"{OnboardingWorld.Org}/{OnboardingWorld.Platform}",
    };

    public async Task DisposeAsync()
    {
        if (_onboarding is not null)
        {
            await _onboarding.DisposeAsync();
        }

        if (_backfill is not null)
        {
            await _backfill.DisposeAsync();
        }

        Platform.Dispose();
        Broken.Dispose();
        Files.Dispose();
    }
}
