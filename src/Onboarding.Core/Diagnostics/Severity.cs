namespace Onboarding.Core.Diagnostics;

internal enum Severity
{
    Error,
    Warning,
}
