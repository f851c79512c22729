namespace Onboarding.Core;
