namespace Onboarding.Core.Onboarding;

/// <summary>What <c>onboard issue --body</c> came to: the checked request and, when it is valid, the plan.</summary>
public sealed record IssueOnboardingOutcome(OnboardingRequest Request, OnboardingPlan? Plan);
