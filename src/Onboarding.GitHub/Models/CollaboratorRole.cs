namespace Onboarding.GitHub.Models;

/// <summary>
/// <see cref="Permission"/> is only admin / write / read / none (maintain reads as write, triage as read);
/// <see cref="RoleName"/> carries the fine-grained role (admin, maintain, write, triage, read or a custom role).
/// </summary>
public sealed record CollaboratorRole(string Permission, string RoleName, UserRef? User);
