namespace Onboarding.GitHub.Models;

/// <summary>A team's access to one repository; <see cref="RoleName"/> is the fine-grained role when GitHub sends it.</summary>
public sealed record TeamRepositoryAccess(string FullName, RepositoryPermissions Permissions, string? RoleName);
