namespace Onboarding.GitHub.Models;

public sealed record CommentRequest(string Body);
