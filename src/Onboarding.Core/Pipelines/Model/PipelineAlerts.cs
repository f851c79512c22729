namespace Onboarding.Core.Pipelines.Model;

/// <summary>Where failures and missed deadlines are reported.</summary>
internal sealed record PipelineAlerts(IReadOnlyList<string> Email, string? Slack);
