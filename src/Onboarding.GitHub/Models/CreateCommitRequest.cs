namespace Onboarding.GitHub.Models;

/// <summary>No author or committer: GitHub then signs the commit as the App and shows it as verified.</summary>
public sealed record CreateCommitRequest(string Message, string Tree, IReadOnlyList<string> Parents);
