namespace Onboarding.GitHub.Models;

public sealed record Team(long Id, string Slug, string Name, string HtmlUrl);
