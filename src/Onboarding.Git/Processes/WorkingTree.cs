namespace Onboarding.Git.Processes;

/// <summary>
/// A checkout as one <c>git status</c> sees it: the commit and branch it is on, and the paths with uncommitted
/// changes (untracked files included). Every command that commits in a checkout asks this one question first.
/// </summary>
/// <param name="Commit">The checked-out commit; null in a repository without a commit yet.</param>
/// <param name="Branch">The checked-out branch; null on a detached HEAD.</param>
public sealed record WorkingTree(string? Commit, string? Branch, IReadOnlyList<string> Changed)
{
    /// <summary>The checkout's state (only <paramref name="paths"/> counted as changes when given), or null when the folder is in no work tree.</summary>
    public static async Task<WorkingTree?> ReadAsync(GitRunner git, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(git);
        var status = await git.TryRunAsync(["status", "--porcelain=v2", "--branch", "-z", "--untracked-files=all", "--", .. paths], cancellationToken).ConfigureAwait(false);
        if (!status.Succeeded)
        {
            return null;
        }

        string? commit = null;
        string? branch = null;
        var changed = new List<string>();
        var entries = status.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (entry.StartsWith("# branch.oid ", StringComparison.Ordinal))
            {
                commit = entry["# branch.oid ".Length..] is var oid && oid != "(initial)" ? oid : null;
            }
            else if (entry.StartsWith("# branch.head ", StringComparison.Ordinal))
            {
                branch = entry["# branch.head ".Length..] is var head && head != "(detached)" ? head : null;
            }
            else if (entry.Length > 2 && entry[0] is '1' or '2' or 'u' or '?')
            {
                // Fields before the path: 8 for a change, 9 for a rename (its source follows as its own entry), 10 for a conflict.
                var fields = entry[0] switch { '1' => 9, '2' => 10, 'u' => 11, _ => 2 };
                var parts = entry.Split(' ', fields);
                changed.Add(parts[^1]);
                if (entry[0] == '2')
                {
                    i++;
                }
            }
        }

        return new WorkingTree(commit, branch, changed);
    }

    /// <summary>
    /// Why nothing may be committed in the checkout at <paramref name="root"/>: not a work tree, no commit yet, or
    /// uncommitted changes (in <paramref name="paths"/> when given); null when it is ready, and then its state.
    /// </summary>
    /// <param name="purpose">Ends the sentence "commit or stash them first, so …".</param>
    public static async Task<(string? Refusal, WorkingTree Tree)> InspectAsync(GitRunner git, string root, string purpose, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(git, paths, cancellationToken).ConfigureAwait(false);
        return (Refusal(read, root, purpose, paths), read ?? new WorkingTree(null, null, []));
    }

    private static string? Refusal(WorkingTree? read, string root, string purpose, IReadOnlyList<string> paths)
    {
        if (read is null)
        {
            return $"{root} is not in a git working tree; run the command in a clone of the platform repository or pass --root";
        }

        if (read.Commit is null)
        {
            return "the repository has no commit yet; commit the platform files first";
        }

        if (read.Changed.Count > 0)
        {
            var scope = paths.Count == 0 ? string.Empty : $" in {string.Join(" or ", paths.Select(p => p.TrimEnd('/') + "/"))}";
            return $"the working tree has uncommitted changes{scope} ({string.Join(", ", read.Changed.Take(5))}{(read.Changed.Count > 5 ? ", …" : string.Empty)}); commit or stash them first, so {purpose}";
        }

        return null;
    }
}
