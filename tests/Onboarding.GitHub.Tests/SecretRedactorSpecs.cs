namespace Onboarding.GitHub.Tests;

public sealed class SecretRedactorSpecs
{
    private readonly SecretRedactor redactor = new("s3cr3t-configured-token-value");

    [Theory]
    [InlineData("echo: s3cr3t-configured-token-value", "echo: ***")]
    [InlineData("Authorization: Bearer abcdefghijklmnop0123", "Authorization: Bearer ***")]
    [InlineData("authorization: token abcdefghijklmnop0123", "authorization: token ***")]
    [InlineData("leaked ghp_abcdefghijklmnopqrstuvwxyz0123456789 here", "leaked *** here")]
    [InlineData("leaked ghs_TESTTOKEN0123456789abcdef here", "leaked *** here")]
    [InlineData("leaked github_pat_11ABCDEFG0123456789_abcdefghijklmnop here", "leaked *** here")]
    public void Credentials_in_text_are_masked(string text, string expected)
    {
        Assert.Equal(expected, redactor.Redact(text));
    }

    [Theory]
    [InlineData("Bad credentials: the token is invalid or expired")]
    [InlineData("A pull request already exists for acme:onboarding/analytics.")]
    public void Ordinary_messages_stay_as_they_are(string text)
    {
        Assert.Equal(text, redactor.Redact(text));
    }
}
