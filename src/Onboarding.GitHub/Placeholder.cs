namespace Onboarding.GitHub;
