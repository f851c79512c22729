using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>
/// The onboarding flow reads issue bodies with the platform's generated form: an environment added to
/// onboarding.yaml is an option of the form at once, although the template lists other placeholder options.
/// </summary>
public sealed class GeneratedFormFlowSpecs
{
    private static string WithDr(string config)
    {
        const string Outputs = "\noutputs:";
        Assert.Contains(Outputs, config, StringComparison.Ordinal);
        return config.Replace(Outputs, "\n  dr: {}" + Outputs, StringComparison.Ordinal);
    }

    [Fact]
    public void The_local_flow_accepts_an_environment_only_onboarding_yaml_names()
    {
        using var repo = new TempGitRepository("onboard-form-local");
        RepositoryLayout.CopyExamplePlatform(repo.Path);
        File.Delete(repo.Directory.File("teams/payments.yaml"));
        File.WriteAllText(repo.Directory.File("onboarding.yaml"), WithDr(File.ReadAllText(repo.Directory.File("onboarding.yaml"))));
        Assert.Equal(0, CliRun.InProcess(repo.Path, "compile").ExitCode);
        Assert.Contains("        - dr\n", File.ReadAllText(repo.Directory.File(".github/ISSUE_TEMPLATE/onboard-team.yml")), StringComparison.Ordinal);
        repo.CommitAll("Platform with a DR environment");
        var body = repo.Directory.Write("body.md", File.ReadAllText(RepositoryLayout.PathOf("examples/issues/valid.md"))
            .Replace("dev, staging, prod", "prod, dr", StringComparison.Ordinal));

        var run = CliRun.InProcess(repo.Path, "issue", "--body", body, "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("dr", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_local_flow_refuses_an_option_the_generated_form_no_longer_offers()
    {
        using var repo = new TempGitRepository("onboard-form-local-stale");
        RepositoryLayout.CopyExamplePlatform(repo.Path);
        File.Delete(repo.Directory.File("teams/payments.yaml"));
        var body = repo.Directory.Write("body.md", File.ReadAllText(RepositoryLayout.PathOf("examples/issues/valid.md"))
            .Replace("dev, staging, prod", "dev, qa", StringComparison.Ordinal));

        var run = CliRun.InProcess(repo.Path, "issue", "--body", body, "--dry-run");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("field 'Environments' has a value that is not one of its options: \"qa\"", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_event_flow_accepts_an_environment_only_onboarding_yaml_names()
    {
        await using var world = await OnboardingWorld.CreateAsync(editConfig: WithDr);
        var issue = world.State.AddIssue(OnboardingWorld.Org, OnboardingWorld.Platform, "Onboard team: ingest",
            OnboardingWorld.IssueBody("ingest", "ingest-eng", "airflow-ingest").Replace("dev, staging, prod", "prod, dr", StringComparison.Ordinal),
            ["onboarding", OnboardingWorld.ApprovalLabel], author: "dana");

        var run = world.Run(world.WriteEvent(issue), "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("ISSUEFORM", run.Error, StringComparison.Ordinal);
    }
}
