namespace Onboarding.GitHub.Models;

internal sealed record CommentRequest(string Body);
