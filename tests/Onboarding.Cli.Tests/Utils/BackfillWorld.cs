using System.Globalization;
using Onboarding.Core.Compilation;
using Onboarding.GitHub;
using Onboarding.GitHub.Models;
using Onboarding.Testing;
using Onboarding.Testing.FakeGitHub;

namespace Onboarding.Cli.Tests.Utils;

/// <summary>
/// A platform of <c>n</c> generated teams (<c>team-000</c>… owned by GitHub team <c>team-000-eng</c>, bundle repository
/// <c>airflow-team-000</c>) twice over: as the checkout in a temp folder (compiled with the real compiler) and as
/// <c>acme-data/platform</c> on a fake GitHub, whose repositories and team access each test arranges. Runs
/// <c>onboard backfill</c> in-process against the fake, on a clock that never sleeps.
/// </summary>
internal sealed class BackfillWorld : IAsyncDisposable
{
    public const string Org = "acme-data";
    public const string Platform = "platform";
    public const string TemplateRepo = "airflow-team-template";
    public const string RunId = "4242";

    private readonly List<HttpClient> clients = [];

    private BackfillWorld(FakeGitHubServer server, AutoAdvancingClock clock, int teams)
    {
        Server = server;
        Clock = clock;
        Teams = teams;
    }

    public FakeGitHubServer Server { get; }

    public AutoAdvancingClock Clock { get; }

    public FakeGitHubState State => Server.State;

    public int Teams { get; }

    public TempDirectory Checkout { get; } = new("onboard-backfill-checkout");

    public TempDirectory Runner { get; } = new("onboard-backfill-runner");

    public string OutputFile => Runner.File("github_output");

    public string SummaryFile => Runner.File("step_summary");

    public static string Team(int i) => string.Create(CultureInfo.InvariantCulture, $"team-{i:000}");

    public static string Repo(int i) => $"airflow-{Team(i)}";

    public static string GitHubTeam(int i) => $"{Team(i)}-eng";

    /// <param name="teams">How many team files the platform holds.</param>
    /// <param name="staleTeams">Team files changed after the compile, so that the committed artifacts are stale.</param>
    /// <param name="arrange">Runs before the team files are written (teams and template exist); returns per team index a
    /// per-environment tracking_ref to pin in its file, e.g. a commit of a repository it created.</param>
    /// <param name="seeded">No <c>github.template_repo</c>: new repositories are seeded from templates/team-repo/ of the checkout.</param>
    public static async Task<BackfillWorld> CreateAsync(int teams, IEnumerable<int>? staleTeams = null, Func<BackfillWorld, IReadOnlyDictionary<int, (string Environment, string Ref)>>? arrange = null, bool seeded = false)
    {
        var clock = new AutoAdvancingClock();
        var server = await FakeGitHubServer.StartAsync(clock);
        var world = new BackfillWorld(server, clock, teams);
        world.State.AddOrganization(Org);
        world.State.AddTemplateRepository(Org, TemplateRepo, new Dictionary<string, string> { ["README.md"] = "# DAGs\n", ["dags/example_dag.py"] = "print('hello')\n" });
        for (var i = 0; i < teams; i++)
        {
            world.State.AddTeam(Org, GitHubTeam(i));
        }

        var trackingRefs = arrange?.Invoke(world);
        if (seeded)
        {
            RepositoryLayout.CopyFolder(RepositoryLayout.PathOf("templates/team-repo"), world.Checkout.File("templates/team-repo"));
        }

        var template = seeded ? "# no template_repo: new repositories are seeded from templates/team-repo/" : $"template_repo: {TemplateRepo}";
        world.Checkout.Write("onboarding.yaml", $$"""
            schema_version: 1
            github:
              org: acme-data
              {{template}}
              visibility: private
              approval_label: onboarding-approved
              approver_permission: maintain
            airflow:
              version: "3.2"
              defaults: { tracking_ref: main, subdir: dags, refresh_interval: 300 }
            environments:
              dev: { tracking_ref: develop }
              prod: {}
            outputs:
              dir: generated
              formats: [json]
            """);
        for (var i = 0; i < teams; i++)
        {
            world.WriteTeam(i, refreshInterval: 300, Pin(trackingRefs, i));
        }

        var compiled = Bounded.Compile(world.Checkout.Path, CompileMode.Write);
        Assert.False(compiled.HasErrors, string.Join('\n', compiled.Diagnostics));
        foreach (var i in staleTeams ?? [])
        {
            world.WriteTeam(i, refreshInterval: 60, Pin(trackingRefs, i));
        }

        world.State.AddRepository(Org, Platform, world.CheckoutFiles());
        return world;
    }

    /// <summary>The team's repository with a main and a develop branch, and optionally the owners' team's permission on it.</summary>
    public FakeRepository AddTeamRepository(int i, string? permission = "push")
    {
        var repository = State.AddRepository(Org, Repo(i), new Dictionary<string, string> { ["dags/dag.py"] = "print('x')\n" });
        repository.Refs["refs/heads/develop"] = repository.Refs["refs/heads/main"];
        if (permission is not null)
        {
            State.FindTeam(Org, GitHubTeam(i))!.RepositoryPermissions[repository.FullName] = permission;
        }

        return repository;
    }

    public string? Permission(int i) => State.FindTeam(Org, GitHubTeam(i))!.RepositoryPermissions.GetValueOrDefault($"{Org}/{Repo(i)}");

    public Dictionary<string, string> CheckoutFiles() =>
        Directory.EnumerateFiles(Checkout.Path, "*", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(Checkout.Path, file).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);

    /// <summary>What <c>onboard compile</c> writes for the checkout's team files: the artifacts a converged branch must hold.</summary>
    public IReadOnlyDictionary<string, string> FreshArtifacts()
    {
        using var copy = new TempDirectory("onboard-backfill-expected");
        RepositoryLayout.CopyFolder(Checkout.Path, copy.Path);
        Assert.False(Bounded.Compile(copy.Path, CompileMode.Write).HasErrors);
        return Directory.EnumerateFiles(copy.File("generated"), "*", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(copy.Path, file).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
    }

    /// <summary>Moves main of the platform repository to <paramref name="branch"/>, as merging its pull request would.</summary>
    public void Merge(string branch)
    {
        var platform = State.FindRepository(Org, Platform)!;
        lock (State.Sync)
        {
            platform.Refs["refs/heads/main"] = platform.Refs[$"refs/heads/{branch}"];
        }

        foreach (var pull in State.PullRequests(Org, Platform).Where(pull => pull.Pull!.HeadRef == branch))
        {
            pull.State = "closed";
        }
    }

    /// <summary>Someone else's change lands on main of the platform repository, through the API as a push would.</summary>
    public async Task CommitToMainAsync(IReadOnlyDictionary<string, string> files)
    {
        using var client = CreateClient(Server.BaseAddress, Server.Token);
        var head = await client.GetBranchRefAsync(Org, Platform, "main", CancellationToken.None);
        var commit = await client.GetCommitAsync(Org, Platform, head!.Target.Sha, CancellationToken.None);
        var tree = await client.CreateTreeAsync(Org, Platform, new CreateTreeRequest(commit!.Tree.Sha, [.. files.Select(file => new TreeEntry(file.Key, file.Value))]), CancellationToken.None);
        var next = await client.CreateCommitAsync(Org, Platform, new CreateCommitRequest("A change from someone else", tree.Sha, [head.Target.Sha]), CancellationToken.None);
        await client.UpdateBranchRefAsync(Org, Platform, "main", next.Sha, CancellationToken.None);
    }

    public int MutatingCount => Server.Requests.All.Count(request => request.IsMutating);

    /// <summary>Runs as on a GitHub Actions runner (GITHUB_ACTIONS=true).</summary>
    public bool InActions { get; set; }

    /// <summary>The variables GitHub Actions would set for the backfill workflow, pointed at the fake.</summary>
    public IReadOnlyDictionary<string, string> Variables => new Dictionary<string, string>
    {
        ["GITHUB_ACTIONS"] = InActions ? "true" : "false",
        ["GITHUB_TOKEN"] = Server.Token,
        ["GITHUB_API_URL"] = Server.BaseAddress.ToString(),
        ["GITHUB_REPOSITORY"] = $"{Org}/{Platform}",
        ["GITHUB_RUN_ID"] = RunId,
        ["GITHUB_OUTPUT"] = OutputFile,
        ["GITHUB_STEP_SUMMARY"] = SummaryFile,
    };

    /// <summary>Runs <c>onboard backfill --root CHECKOUT</c> plus <paramref name="args"/>.</summary>
    public CliOutcome Run(params string[] args)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        return RunAsync(limit.Token, args).GetAwaiter().GetResult();
    }

    /// <summary>Runs <c>onboard backfill --root CHECKOUT</c> plus <paramref name="args"/> until done or <paramref name="cancellationToken"/> stops it.</summary>
    public async Task<CliOutcome> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var variables = Variables;
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var context = new CliContext(output, error, name => variables.GetValueOrDefault(name), Runner.Path) { GitHubClientFactory = CreateClient };
        var code = await CliApplication.RunAsync(["backfill", "--root", Checkout.Path, .. args], context, cancellationToken);
        return new CliOutcome(code, output.ToString(), error.ToString());
    }

    public string ReadRunnerFile(string path) => File.Exists(path) ? File.ReadAllText(path) : string.Empty;

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

    private static (string Environment, string Ref)? Pin(IReadOnlyDictionary<int, (string Environment, string Ref)>? pins, int i) =>
        pins is not null && pins.TryGetValue(i, out var pin) ? pin : null;

    private void WriteTeam(int i, int refreshInterval, (string Environment, string Ref)? trackingRef)
    {
        var environments = trackingRef is { } pin
            ? $"\n    environments:\n      {(pin.Environment == "dev" ? "prod" : "dev")}: {{}}\n      {pin.Environment}: {{ tracking_ref: \"{pin.Ref}\" }}"
            : string.Empty;

        Checkout.Write($"teams/{Team(i)}.yaml", string.Create(CultureInfo.InvariantCulture, $"""
            schema_version: 1
            name: {Team(i)}
            owners:
              github_team: {GitHubTeam(i)}
            bundles:
              - name: {Team(i)}
                repo: {Repo(i)}
                refresh_interval: {refreshInterval}{environments}

            """));
    }

    /// <summary>Jitter off so waits are exact.</summary>
    private GitHubClient CreateClient(Uri baseAddress, string token)
    {
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        clients.Add(http);
        return new GitHubClient(http, new GitHubClientOptions { BaseAddress = baseAddress, Token = token, Jitter = () => 0, AttemptTimeout = TimeSpan.FromSeconds(10) }, Clock);
    }
}
