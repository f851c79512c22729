namespace Onboarding.Core.Diagnostics;

public enum Severity
{
    Error,
    Warning,
}
