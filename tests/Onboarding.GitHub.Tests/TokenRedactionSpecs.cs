using Onboarding.GitHub.Tests.Utils;

namespace Onboarding.GitHub.Tests;

public sealed class TokenRedactionSpecs : GitHubSpec
{
    private const string Token = "ghs_TESTTOKEN0123456789abcdef";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Server.Token = Token;
        Server.EchoRequestHeaders = true;
    }

    [Fact]
    public async Task A_server_that_echoes_the_request_headers_leaks_no_token_into_the_error_or_the_log()
    {
        var client = CreateClient(options => options, Token);

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.GetRepositoryAsync(Org, "platform", Ct));

        Assert.Contains("Server Error. Request headers:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer ***", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.GitHubMessage ?? string.Empty, StringComparison.Ordinal);
        Assert.NotEmpty(LogLines);
        Assert.All(LogLines, line => Assert.DoesNotContain(Token, line, StringComparison.Ordinal));
        Assert.Contains(LogLines, line => line.Contains("Authorization: ***", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_POST_leaks_no_token_either()
    {
        var client = CreateClient(options => options, Token);

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.CreateIssueCommentAsync(Org, "platform", 1, "hello", Ct));

        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
        Assert.All(LogLines, line => Assert.DoesNotContain(Token, line, StringComparison.Ordinal));
    }

    [Fact]
    public void The_options_and_the_client_print_without_the_token()
    {
        var client = CreateClient(options => options, Token);
        var options = new GitHubClientOptions { Token = Token };

        Assert.DoesNotContain(Token, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("Token = ***", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, client.ToString(), StringComparison.Ordinal);
    }
}
