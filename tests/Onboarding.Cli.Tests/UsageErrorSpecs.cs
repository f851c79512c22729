using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>Usage errors say what was typed and what was meant, with exit 2.</summary>
public sealed class UsageErrorSpecs : IDisposable
{
    private readonly TempDirectory _dir = new("onboard-usage");

    [Theory]
    [InlineData("compil", "did you mean 'compile'?")]
    [InlineData("valdate", "did you mean 'validate'?")]
    [InlineData("parse_issue", "did you mean 'parse-issue'?")]
    [InlineData("frobnicate", "the commands are validate, compile, check")]
    public void An_unknown_command_is_named_with_the_command_it_most_likely_meant(string typed, string hint)
    {
        var result = CliRun.InProcess(_dir.Path, typed);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"onboard: '{typed}' is not an onboard command; ", result.Error, StringComparison.Ordinal);
        Assert.Contains(hint, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command was not provided", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
