namespace Onboarding.Cli.Commands;

/// <summary>
/// What every command that talks to GitHub starts with: the token from its variable (masked under GitHub
/// Actions before anything else is printed), the platform repository and API from the Actions variables,
/// the client, and the reporter that honours <c>--json</c>.
/// </summary>
internal sealed class GitHubSession : IDisposable
{
    public const string DefaultTokenVariable = "GITHUB_TOKEN";

    private readonly HttpClient? http;

    private GitHubSession(Reporter reporter, string token, PlatformRepositoryEnvironment platform, HttpClient? http, GitHubClient client)
    {
        Reporter = reporter;
        Token = token;
        Platform = platform;
        this.http = http;
        Client = client;
    }

    public Reporter Reporter { get; }

    public string Token { get; }

    public PlatformRepositoryEnvironment Platform { get; }

    public GitHubClient Client { get; }

    /// <param name="command">The command as the user typed it, for messages ("backfill", "issue").</param>
    /// <param name="tokenVariable">The variable holding the token; null: GITHUB_TOKEN.</param>
    /// <param name="tokenNeeds">What the token must be allowed to do, for the message when it is missing.</param>
    /// <exception cref="CommandFailure">A usage error: no token, or malformed Actions variables.</exception>
    public static GitHubSession Open(CliContext context, ParseResult parsed, string command, string? tokenVariable, string tokenNeeds)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parsed);
        var reporter = new Reporter(context) { Json = parsed.GetValue(CommonOptions.Json) };
        var verbose = parsed.GetValue(CommonOptions.Verbose);
        var variable = tokenVariable ?? DefaultTokenVariable;
        var token = context.Variable(variable)?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            throw CommandFailure.Usage($"onboard {command}: the environment variable {variable} holds no token; set it to {tokenNeeds}");
        }

        Mask(context, token);
        var platform = PlatformRepositoryEnvironment.Read(context)
            ?? throw CommandFailure.Usage($"onboard {command}: GITHUB_REPOSITORY must name the platform repository as owner/name, and GITHUB_API_URL (when set) must be an https URL (the token is sent to it)");
        var http = context.GitHubClientFactory is null ? new HttpClient { Timeout = Timeout.InfiniteTimeSpan } : null;
        var client = context.GitHubClientFactory?.Invoke(platform.Api, token)
            ?? new GitHubClient(http!, new GitHubClientOptions { BaseAddress = platform.Api, Token = token, Log = verbose ? reporter.ErrorLine : null });
        return new GitHubSession(reporter, token, platform, http, client);
    }

    /// <summary>
    /// Under GitHub Actions, tells the runner to hide <paramref name="secret"/> in the log. On stderr, so that
    /// stdout stays the command's report (<c>--json</c>); the runner reads workflow commands from both.
    /// </summary>
    public static void Mask(CliContext context, string secret)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.InGitHubActions)
        {
            WorkflowCommands.Write(context.Error, $"::add-mask::{secret}");
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        http?.Dispose();
    }
}
