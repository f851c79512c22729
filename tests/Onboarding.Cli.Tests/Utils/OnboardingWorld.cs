using System.Text;
using System.Text.Json.Nodes;
using Onboarding.GitHub;
using Onboarding.Testing;
using Onboarding.Testing.FakeGitHub;

namespace Onboarding.Cli.Tests.Utils;

/// <summary>
/// A platform repository twice over, as the onboarding workflow sees it: on a fake GitHub (organisation
/// <c>acme-data</c>, repository <c>acme-data/platform</c>, the owners' team, a template repository) and as the
/// job's checkout in a temp folder. Runs <c>onboard issue --event</c> in-process against the fake, on a clock
/// that never sleeps, with the runner's files ($GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY) in a temp folder.
/// </summary>
internal sealed class OnboardingWorld : IAsyncDisposable
{
    public const string Org = "acme-data";
    public const string Platform = "platform";
    public const string Maintainer = "maria";
    public const string ApprovalLabel = "onboarding-approved";
    public const string TemplateRepo = "airflow-team-template";

    private readonly List<HttpClient> clients = [];

    private OnboardingWorld(FakeGitHubServer server, AutoAdvancingClock clock)
    {
        Server = server;
        Clock = clock;
    }

    public FakeGitHubServer Server { get; }

    public AutoAdvancingClock Clock { get; }

    public FakeGitHubState State => Server.State;

    public TempDirectory Checkout { get; } = new("onboard-checkout");

    public TempDirectory Runner { get; } = new("onboard-runner");

    public string Token { get; private set; } = FakeGitHubServer.DefaultToken;

    public bool InActions { get; set; }

    /// <summary>GITHUB_SERVER_URL of the run; null leaves it unset.</summary>
    public string? ServerUrl { get; set; }

    /// <summary>How long one try may take on the wall clock: generous, except where a test makes the fake hang.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <param name="seeded">Without <c>github.template_repo</c>: the team repository is seeded from templates/team-repo/.</param>
    /// <param name="editConfig">Changes onboarding.yaml (its text) before the platform repository is created from the checkout.</param>
    public static async Task<OnboardingWorld> CreateAsync(bool seeded = false, Func<string, string>? editConfig = null)
    {
        var clock = new AutoAdvancingClock();
        var server = await FakeGitHubServer.StartAsync(clock);
        var world = new OnboardingWorld(server, clock);
        RepositoryLayout.CopyExamplePlatform(world.Checkout.Path);
        if (seeded)
        {
            var config = world.Checkout.File("onboarding.yaml");
            File.WriteAllText(config, string.Join('\n', File.ReadAllLines(config).Where(line => !line.TrimStart().StartsWith("template_repo:", StringComparison.Ordinal))) + "\n");
        }

        if (editConfig is not null)
        {
            var config = world.Checkout.File("onboarding.yaml");
            File.WriteAllText(config, editConfig(File.ReadAllText(config)));
        }

        world.State.AddOrganization(Org);
        world.State.AddOrganization("acme-shared");
        world.State.AddTeam(Org, "ingest-eng");
        world.State.AddTeam(Org, "metrics-eng");
        world.State.AddRepository(Org, Platform, world.CheckoutFiles());
        world.State.AddTemplateRepository(Org, TemplateRepo, new Dictionary<string, string>
        {
            ["README.md"] = "# DAGs\n",
            ["dags/example_dag.py"] = "print('hello')\n",
        });
        world.State.SetCollaboratorRole(Org, Platform, Maintainer, "maintain");
        return world;
    }

    /// <summary>Every file of the checkout the platform repository holds (path → text).</summary>
    public Dictionary<string, string> CheckoutFiles() =>
        Directory.EnumerateFiles(Checkout.Path, "*", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(Checkout.Path, file).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);

    /// <summary>Makes the checkout what a fresh checkout of <paramref name="branch"/> would be.</summary>
    public void CheckOut(string branch)
    {
        foreach (var folder in new[] { "teams", "generated" })
        {
            Directory.Delete(Checkout.File(folder), recursive: true);
        }

        foreach (var (path, text) in State.FilesAt(Org, Platform, branch))
        {
            Checkout.Write(path, text);
        }
    }

    public void UseToken(string token)
    {
        Token = token;
        Server.Token = token;
    }

    /// <summary>An issue as the onboarding form renders it, with the approval label applied.</summary>
    public FakeIssue AddIssue(string team, string githubTeam, string repository, string? description = null, IEnumerable<string>? labels = null) =>
        State.AddIssue(Org, Platform, $"Onboard team: {team}", IssueBody(team, githubTeam, repository, description), labels ?? ["onboarding", ApprovalLabel], author: "dana");

    public static string IssueBody(string team, string githubTeam, string repository, string? description = null) =>
        $"""
        ### Team name

        {team}

        ### Description

        {description ?? "_No response_"}

        ### GitHub team

        {githubTeam}

        ### Contacts

        {team}@example.com

        ### Repository

        {repository}

        ### Environments

        dev, staging, prod

        ### Tracking ref

        _No response_

        ### DAG folder

        _No response_

        ### Refresh interval (seconds)

        _No response_

        ### Acknowledgement

        - [X] My team will maintain these DAGs and follows the platform's DAG guidelines.
        """;

    /// <summary>The <c>issues</c> event GitHub sends when <paramref name="sender"/> applies <paramref name="label"/>; the body as it was then.</summary>
    public string WriteEvent(FakeIssue issue, string action = "labeled", string? label = ApprovalLabel, string sender = Maintainer, string? body = null)
    {
        var payload = new JsonObject
        {
            ["action"] = action,
            ["issue"] = new JsonObject
            {
                ["number"] = issue.Number,
                ["title"] = issue.Title,
                ["body"] = body ?? issue.Body,
                ["user"] = new JsonObject { ["login"] = issue.Author },
                ["author_association"] = "OWNER",
            },
            ["repository"] = new JsonObject { ["full_name"] = $"{Org}/{Platform}", ["default_branch"] = "main" },
            ["sender"] = new JsonObject { ["login"] = sender },
        };
        if (label is not null)
        {
            payload["label"] = new JsonObject { ["name"] = label };
        }

        return Runner.Write($"event-{Guid.NewGuid():N}.json", payload.ToJsonString());
    }

    public string OutputFile => Runner.File("github_output");

    public string SummaryFile => Runner.File("step_summary");

    public string ReadRunnerFile(string path) => File.Exists(path) ? File.ReadAllText(path) : string.Empty;

    /// <summary>Runs <c>onboard issue --event EVENT --root CHECKOUT</c> plus <paramref name="extra"/>.</summary>
    public CliOutcome Run(string eventPath, params string[] extra)
    {
        var variables = new Dictionary<string, string>
        {
            ["GITHUB_TOKEN"] = Token,
            ["GITHUB_API_URL"] = Server.BaseAddress.ToString(),
            ["GITHUB_REPOSITORY"] = $"{Org}/{Platform}",
            ["GITHUB_OUTPUT"] = OutputFile,
            ["GITHUB_STEP_SUMMARY"] = SummaryFile,
        };
        if (InActions)
        {
            variables["GITHUB_ACTIONS"] = "true";
        }

        if (ServerUrl is not null)
        {
            variables["GITHUB_SERVER_URL"] = ServerUrl;
        }

        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var context = new CliContext(output, error, name => variables.GetValueOrDefault(name), Runner.Path)
        {
            GitHubClientFactory = CreateClient,
        };
        var code = CliRun.Invoke(["issue", "--event", eventPath, "--root", Checkout.Path, .. extra], context);
        return new CliOutcome(code, output.ToString(), error.ToString());
    }

    /// <summary>Jitter off so waits are exact.</summary>
    private GitHubClient CreateClient(Uri baseAddress, string token)
    {
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        clients.Add(http);
        return new GitHubClient(http, new GitHubClientOptions
        {
            BaseAddress = baseAddress,
            Token = token,
            Jitter = () => 0,
            AttemptTimeout = AttemptTimeout,
        }, Clock);
    }

    /// <summary>Every text the run left behind: stdout, stderr, the runner's files and every file under both temp folders.</summary>
    public string EverythingWritten(CliOutcome outcome)
    {
        var text = new StringBuilder(outcome.Out).Append(outcome.Error);
        foreach (var folder in new[] { Runner.Path, Checkout.Path })
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                text.Append(File.ReadAllText(file));
            }
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        await Server.DisposeAsync();
        Checkout.Dispose();
        Runner.Dispose();
    }
}
