namespace Onboarding.Core.Pipelines.Model;

/// <summary>The platform's pipeline policy (the <c>pipelines:</c> section of onboarding.yaml).</summary>
public sealed record PipelinePolicy(
    PipelineSettings Defaults,
    IReadOnlyDictionary<string, PipelineSettings> Tiers,
    IReadOnlyList<string> Locked,
    IReadOnlyList<string> Connections,
    string? SmtpConnId,
    string? SlackWebhookConnId,
    IReadOnlyList<string> Tags)
{
    public static PipelinePolicy Empty { get; } = new(PipelineSettings.None, new Dictionary<string, PipelineSettings>(), [], [], null, null, []);
}
