namespace Onboarding.GitHub.Onboarding;

/// <summary>GitHub's repository roles in rising order; a custom role counts as the base permission it extends.</summary>
public static class PermissionLevel
{
    private static readonly string[] Ranked = ["read", "triage", "write", "maintain", "admin"];

    /// <summary>The rank of a role or permission name (pull = read, push = write), or -1 for none and unknown names.</summary>
    public static int Rank(string? name) => name switch
    {
        "pull" => 0,
        "push" => 2,
        null => -1,
        _ => Array.IndexOf(Ranked, name),
    };

    /// <summary>
    /// The labeler's rank: <c>role_name</c> tells maintain from write and triage from read, which the legacy
    /// <c>permission</c> field does not; a custom role falls back to that field.
    /// </summary>
    public static int Of(string? roleName, string? permission) =>
        Rank(roleName) is >= 0 and var rank ? rank : Rank(permission);
}
