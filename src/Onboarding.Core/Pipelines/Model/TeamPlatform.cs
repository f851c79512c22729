namespace Onboarding.Core.Pipelines.Model;

/// <summary>A team repository's <c>.onboard/platform.yaml</c>: who the team is and the policy its pipelines compile under.</summary>
public sealed record TeamPlatform(string Team, IReadOnlyList<string> Contacts, AirflowVersion AirflowVersion, PipelinePolicy Policy);
