namespace Onboarding.Testing.FakeGitHub;

/// <summary>One request as the fake saw it; <see cref="At"/> is on the fake's (injected) clock.</summary>
public sealed record RecordedRequest(string Method, string Template, string Path, DateTimeOffset At)
{
    public string Operation => $"{Method} {Template}";

    public bool IsMutating => Method != "GET";

    /// <summary>The status sent, or 0 when none was (timeout, connection reset).</summary>
    public int Status { get; internal set; }

    public FaultKind? Fault { get; internal set; }
}
