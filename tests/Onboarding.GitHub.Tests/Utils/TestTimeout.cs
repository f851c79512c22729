namespace Onboarding.GitHub.Tests.Utils;

/// <summary>A bound on every call of the test run, so a bug fails a test instead of hanging the run.</summary>
internal static class TestTimeout
{
    private static readonly CancellationTokenSource Bound = new(TimeSpan.FromMinutes(2));

    public static CancellationToken Token => Bound.Token;
}
