namespace Onboarding.GitHub.Models;

/// <summary>No author or committer: GitHub then signs the commit as the App and shows it as verified.</summary>
internal sealed record CreateCommitRequest(string Message, string Tree, IReadOnlyList<string> Parents);
