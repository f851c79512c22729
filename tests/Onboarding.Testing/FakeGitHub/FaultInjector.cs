namespace Onboarding.Testing.FakeGitHub;

/// <summary>Decides, request by request, whether a <see cref="FaultRule"/> applies.</summary>
public sealed class FaultInjector
{
    private readonly Lock gate = new();
    private readonly List<(FaultRule Rule, int[] Seen)> rules = [];

    public void Add(FaultRule rule)
    {
        lock (gate)
        {
            rules.Add((rule, [0]));
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
        }
    }

    /// <summary>Counts the request against every rule it matches; returns the first rule whose window it falls in.</summary>
    public FaultRule? Next(string operation)
    {
        lock (gate)
        {
            FaultRule? chosen = null;
            foreach (var (rule, seen) in rules)
            {
                if (rule.Operation is not null && !string.Equals(rule.Operation, operation, StringComparison.Ordinal))
                {
                    continue;
                }

                var occurrence = ++seen[0];
                if (chosen is null && occurrence >= rule.FirstOccurrence && occurrence - rule.FirstOccurrence < rule.Times)
                {
                    chosen = rule;
                }
            }

            return chosen;
        }
    }
}
