namespace Onboarding.GitHub.Onboarding;

/// <summary>The checkout the artifacts would be compiled from is not what the default branch holds now.</summary>
internal sealed class StaleCheckoutException(string message) : Exception(message);
