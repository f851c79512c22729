using System.Text;
using Onboarding.Git.Regeneration;
using Onboarding.Testing;

namespace Onboarding.Git.Tests.Regeneration;

/// <summary>The token git pushes with reaches git through its environment only: never .git/config, a URL or an argument.</summary>
public sealed class GitPushAuthSpecs : IDisposable
{
    private const string Token = "ghs_TESTTOKEN0123456789abcdef";

    private readonly TempGitRepository _repo = new();

    [Fact]
    public async Task An_https_origin_gets_an_authorization_header_for_its_host_through_the_environment()
    {
        _repo.Git("remote", "add", "origin", "https://github.com/acme-data/platform.git");
        var config = File.ReadAllText(Path.Combine(_repo.Path, ".git", "config"));

        var environment = (await GitPushAuth.EnvironmentAsync(_repo.Path, Token, CancellationToken.None))!;

        Assert.Equal("1", environment["GIT_CONFIG_COUNT"]);
        Assert.Equal("http.https://github.com/.extraheader", environment["GIT_CONFIG_KEY_0"]);
        var header = environment["GIT_CONFIG_VALUE_0"];
        Assert.StartsWith("AUTHORIZATION: basic ", header, StringComparison.Ordinal);
        Assert.Equal($"x-access-token:{Token}", Encoding.UTF8.GetString(Convert.FromBase64String(header["AUTHORIZATION: basic ".Length..])));
        Assert.Equal(config, File.ReadAllText(Path.Combine(_repo.Path, ".git", "config")));
        Assert.DoesNotContain(environment.Values, v => v.Contains(Token, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/srv/git/platform.git", Token)]
    [InlineData("http://github.com/acme-data/platform.git", Token)]
    [InlineData("https://github.com/acme-data/platform.git", "")]
    public async Task Without_an_https_origin_or_a_token_git_gets_no_header(string origin, string token)
    {
        _repo.Git("remote", "add", "origin", origin);

        Assert.Null(await GitPushAuth.EnvironmentAsync(_repo.Path, token, CancellationToken.None));
    }

    public void Dispose() => _repo.Dispose();
}
