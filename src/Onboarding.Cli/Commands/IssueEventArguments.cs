namespace Onboarding.Cli.Commands;

internal sealed record IssueEventArguments(string Root, string EventPath, string? Template, bool DryRun, string? TokenEnv);
