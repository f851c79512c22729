namespace Onboarding.Core.Compilation;

public enum CompileMode
{
    /// <summary>Validate only; read nothing under the output folder.</summary>
    Validate,

    /// <summary>Write the artifacts that changed.</summary>
    Write,

    /// <summary>Write nothing; report what would change (the PR check).</summary>
    Check,
}
