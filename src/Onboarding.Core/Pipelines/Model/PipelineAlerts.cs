namespace Onboarding.Core.Pipelines.Model;

/// <summary>Where failures and missed deadlines are reported.</summary>
public sealed record PipelineAlerts(IReadOnlyList<string> Email, string? Slack);
