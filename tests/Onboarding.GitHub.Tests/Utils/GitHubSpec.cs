using System.Collections.Concurrent;
using Onboarding.Testing;
using Onboarding.Testing.FakeGitHub;

namespace Onboarding.GitHub.Tests.Utils;

/// <summary>
/// Per test: a fake GitHub on 127.0.0.1 with organisation <c>acme</c>, a client pointed at it, and a
/// clock that never sleeps. Every test ends by checking that all bodies exchanged conform to GitHub's
/// OpenAPI description.
/// </summary>
public abstract class GitHubSpec : IAsyncLifetime
{
    protected const string Org = "acme";

    private GitHubClient? client;
    private HttpClient? http;

    protected AutoAdvancingClock Clock { get; } = new();

    protected FakeGitHubServer Server { get; private set; } = null!;

    protected ConcurrentQueue<string> LogLines { get; } = new();

    private protected GitHubClient Client => client ??= CreateClient(options => options);

    protected static CancellationToken Ct => TestTimeout.Token;

    public virtual async Task InitializeAsync()
    {
        Server = await FakeGitHubServer.StartAsync(Clock);
        Server.State.AddOrganization(Org);
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        http?.Dispose();
        await Server.DisposeAsync();
        Server.AssertConformsToOpenApi();
    }

    /// <summary>A client with jitter off (so waits are exact); <paramref name="configure"/> may change any option.</summary>
    private protected GitHubClient CreateClient(Func<GitHubClientOptions, GitHubClientOptions> configure, string? token = null)
    {
        http ??= new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var options = configure(new GitHubClientOptions
        {
            BaseAddress = Server.BaseAddress,
            Token = token ?? Server.Token,
            Jitter = () => 0,
            Log = LogLines.Enqueue,
        });
        return new GitHubClient(http, options, Clock);
    }

    protected FakeRepository SeedRepository(string name, Dictionary<string, string>? files = null) =>
        Server.State.AddRepository(Org, name, files ?? new Dictionary<string, string> { ["README.md"] = "# " + name + "\n" });
}
