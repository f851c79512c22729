namespace Onboarding.Core.Onboarding;

/// <summary>
/// What <c>onboard issue --body</c> came to: the checked request; when it is valid, the plan; and with
/// <c>--local</c>, what was done in the checkout.
/// </summary>
internal sealed record IssueOnboardingOutcome(OnboardingRequest Request, OnboardingPlan? Plan, LocalOnboardingResult? Local);
