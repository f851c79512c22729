using Onboarding.Core.Compilation;
using Onboarding.Core.Pipelines;
using Onboarding.Core.Scaffolding;
using Onboarding.Core.Sources;

namespace Onboarding.Testing;

/// <summary>Core calls for a test's arrange or assert steps, each bounded in time.</summary>
public static class Bounded
{
    public static CompileResult Compile(string root, CompileMode mode)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return PlatformCompilation.RunAsync(root, mode, timeout.Token).GetAwaiter().GetResult();
    }

    public static PipelineBuild Pipelines(PlatformSource files)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return PipelineCompiler.BuildAsync(files, timeout.Token).GetAwaiter().GetResult();
    }

    public static PipelineCompileResult Pipelines(string root, CompileMode mode)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return PipelineCompilation.RunAsync(root, mode, timeout.Token).GetAwaiter().GetResult();
    }

    public static InitResult Init(string root, string? org, bool force)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return PlatformInitializer.RunAsync(root, org, force, null, timeout.Token).GetAwaiter().GetResult();
    }
}
