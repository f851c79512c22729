namespace Onboarding.GitHub.Onboarding;

/// <summary>
/// The calls of one run in order, as <c>METHOD /path</c>. In a dry run a mutating call is only written down:
/// <see cref="Write"/> answers false and the caller goes on with what it expects the call to have done.
/// </summary>
public sealed class CallJournal(bool dryRun)
{
    private readonly List<string> calls = [];

    public bool DryRun => dryRun;

    public IReadOnlyList<string> Calls => calls;

    public int Writes { get; private set; }

    public void Read(string template, params string[] values) => calls.Add($"GET {ApiCall.Get(template, values).Path}");

    /// <summary>Records a mutating call; true when it is to be sent.</summary>
    public bool Write(string method, string template, params string[] values)
    {
        Writes++;
        calls.Add($"{method} {ApiCall.Get(template, values).Path}");
        return !dryRun;
    }
}
