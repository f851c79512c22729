using Onboarding.Core.Compilation;

namespace Onboarding.Cli.Tests.Utils;

/// <summary>Core calls for a test's arrange or assert steps, each bounded in time.</summary>
internal static class Bounded
{
    public static CompileResult Compile(string root, CompileMode mode)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return PlatformCompilation.RunAsync(root, mode, timeout.Token).GetAwaiter().GetResult();
    }
}
