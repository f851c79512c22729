namespace Onboarding.GitHub.Models;

internal sealed record LabelsRequest(IReadOnlyList<string> Labels);
