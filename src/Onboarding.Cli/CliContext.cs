namespace Onboarding.Cli;

/// <summary>
/// The process's outside world, passed in so that tests run the real command line in-process with
/// their own writers, variables and working folder.
/// </summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, Func<string, string?> Variable, string CurrentDirectory)
{
    public static CliContext FromProcess() =>
        new(Console.Out, Console.Error, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory());

    /// <summary>
    /// Makes the GitHub client from the API base address and the token. Null: a real client on the system
    /// clock. Tests pass one on a fake clock with short timeouts, so retries and waits cost no real time.
    /// </summary>
    public Func<Uri, string, GitHubClient>? GitHubClientFactory { get; init; }

    /// <summary>What the build recorded about this binary; tests pass their own.</summary>
    /// <remarks>Read on first use: reading it costs attribute reflection that most commands never need.</remarks>
    public BuildProvenance Build
    {
        get => _build ?? BuildProvenance.OfThisBinary;
        init => _build = value;
    }

    private readonly BuildProvenance? _build;

    /// <summary>Whether the command printed its report on stdout: a failure after that adds no second JSON document.</summary>
    public bool ReportWritten { get; set; }

    public bool InGitHubActions => string.Equals(Variable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    public string ResolvePath(string path) => Path.GetFullPath(Path.Combine(CurrentDirectory, path));
}
