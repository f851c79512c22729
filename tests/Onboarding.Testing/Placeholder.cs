namespace Onboarding.Testing;
