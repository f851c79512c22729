namespace Onboarding.GitHub.Models;

internal sealed record Team(long Id, string Slug, string Name, string HtmlUrl);
