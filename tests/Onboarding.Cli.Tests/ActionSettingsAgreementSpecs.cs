using System.Diagnostics;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>
/// The organisation and approval label the workflows hold as repository variables must equal onboarding.yaml: the
/// action's run step stops before the CLI (and the token) is used when they differ, and says which to change.
/// </summary>
public sealed class ActionSettingsAgreementSpecs
{
    [Theory]
    [InlineData("acme-data", "onboarding-approved")]
    [InlineData("Acme-Data", "onboarding-approved")]
    [InlineData("", "")]
    public async Task Values_that_agree_with_onboarding_yaml_let_the_cli_run(string org, string label)
    {
        var run = await RunAsync("issue", org, label);

        Assert.True(run.Code == 0, run.Log);
        Assert.Contains("\nissue --root . --event ", run.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_that_differs_stops_the_run_and_names_the_variable_to_set()
    {
        var run = await RunAsync("backfill", "someone-else", string.Empty);

        Assert.Equal(1, run.Code);
        Assert.Contains("::error file=", run.Log, StringComparison.Ordinal);
        Assert.Contains("the App token is minted for organisation 'someone-else' (repository variable ONBOARDING_ORG, default: the owner of this repository), but github.org in onboarding.yaml is 'acme-data'; set the variable ONBOARDING_ORG to acme-data, or change github.org", run.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("--root", run.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approval_label_that_differs_stops_the_run_and_names_the_variable_to_set()
    {
        var run = await RunAsync("issue", "acme-data", "approved");

        Assert.Equal(1, run.Code);
        Assert.Contains("the workflow lets the label 'approved' through (repository variable ONBOARDING_APPROVAL_LABEL, default: onboarding-approved), but github.approval_label in onboarding.yaml is 'onboarding-approved'; set the variable ONBOARDING_APPROVAL_LABEL to onboarding-approved", run.Log, StringComparison.Ordinal);
    }

    /// <summary>run.sh on the example platform, with <c>echo</c> standing in for the CLI so the arguments it would get are the output.</summary>
    private static async Task<(int Code, string Log)> RunAsync(string command, string org, string label)
    {
        using var workspace = new TempDirectory("onboard-settings");
        RepositoryLayout.CopyExamplePlatform(workspace.Path);
        var eventPath = workspace.Write("event.json", "{}");
        var start = new ProcessStartInfo("bash") { WorkingDirectory = workspace.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepositoryLayout.PathOf("scripts/action/run.sh"));
        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        start.Environment["ONBOARD"] = "echo";
        start.Environment["COMMAND"] = command;
        start.Environment["ROOT"] = ".";
        start.Environment["EVENT_PATH"] = eventPath;
        start.Environment["GITHUB_TOKEN"] = "ghs_unused";
        start.Environment["EXPECTED_ORG"] = org;
        start.Environment["EXPECTED_APPROVAL_LABEL"] = label;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
