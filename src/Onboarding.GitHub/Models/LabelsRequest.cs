namespace Onboarding.GitHub.Models;

public sealed record LabelsRequest(IReadOnlyList<string> Labels);
