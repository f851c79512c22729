using Onboarding.Cli.Tests.Utils;
using Onboarding.Core.Scaffolding;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>Every workflow and action of the repository, and every workflow init writes, passes the project's workflow audit.</summary>
public sealed class WorkflowAuditSpecs
{
    public static TheoryData<string> RepositoryFiles() => [.. AuditedFiles()];

    private static List<string> AuditedFiles()
    {
        var files = new List<string> { "action.yml" };
        foreach (var folder in new[] { "workflows", ".github/workflows", "templates/team-repo/.github/workflows" })
        {
            var full = RepositoryLayout.PathOf(folder);
            if (Directory.Exists(full))
            {
                foreach (var file in Directory.GetFiles(full, "*.yml").Order(StringComparer.Ordinal))
                {
                    files.Add(Path.GetRelativePath(RepositoryLayout.Root, file).Replace('\\', '/'));
                }
            }
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(RepositoryFiles))]
    public void The_repository_file_passes_the_audit(string file)
    {
        Assert.Empty(WorkflowAudit.File(RepositoryLayout.PathOf(file), file));
    }

    [Fact]
    public void The_audit_covers_the_release_workflow_and_every_copied_workflow()
    {
        var files = AuditedFiles();

        Assert.Contains(".github/workflows/release.yml", files);
        Assert.Contains("workflows/onboard.yml", files);
        Assert.Contains("templates/team-repo/.github/workflows/ci.yml", files);
    }

    [Fact]
    public void Every_workflow_init_writes_passes_the_audit_in_both_adoption_models()
    {
        var reference = new ActionReference("octo/onboard", new string('a', 40), "1.0.0");
        foreach (var action in new[] { null, reference })
        {
            var workflows = PlatformScaffold.Files("acme", action).Where(f => f.Path.EndsWith(".yml", StringComparison.Ordinal) && f.Path.Contains(".github/workflows/", StringComparison.Ordinal)).ToArray();
            Assert.True(workflows.Length >= 5, string.Join(", ", workflows.Select(w => w.Path)));
            Assert.All(workflows, file => Assert.Empty(WorkflowAudit.Text(System.Text.Encoding.UTF8.GetString(file.Content), file.Path)));
        }
    }

    [Theory]
    [InlineData("unpinned-uses", "      - uses: actions/checkout@v4\n        with: { persist-credentials: false }")]
    [InlineData("unpinned-uses", "      - uses: actions/setup-node@0123456789abcdef0123456789abcdef01234567")]
    [InlineData("artipacked", "      - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567 # v6.0.2")]
    [InlineData("template-injection", "      - run: echo \"${{ github.event.issue.title }}\"")]
    [InlineData("template-injection", "      - run: echo ${{ secrets.TOKEN }}")]
    [InlineData("app-token-scope", "      - uses: actions/create-github-app-token@0123456789abcdef0123456789abcdef01234567 # v2.1.4\n        with: { app-id: '1', private-key: x, repositories: r }")]
    public void The_audit_finds_an_unsafe_step(string rule, string step)
    {
        var workflow = $"name: x\non: pull_request\npermissions: {{}}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n{step}\n";

        Assert.Contains(WorkflowAudit.Text(workflow, "w.yml"), finding => finding.Contains($"[{rule}]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("excessive-permissions", "on: pull_request\njobs:\n  a:\n    runs-on: x\n    timeout-minutes: 5\n    steps: [{ run: 'true' }]")]
    [InlineData("excessive-permissions", "on: pull_request\npermissions: { contents: write }\nconcurrency: x\njobs:\n  a:\n    runs-on: x\n    timeout-minutes: 5\n    steps: [{ run: 'true' }]")]
    [InlineData("dangerous-triggers", "on: pull_request_target\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    timeout-minutes: 5\n    steps: [{ run: 'true' }]")]
    [InlineData("timeout", "on: pull_request\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: 'true' }]")]
    [InlineData("concurrency", "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    timeout-minutes: 5\n    permissions: { contents: write }\n    steps: [{ run: 'true' }]")]
    [InlineData("concurrency", "on: { issues: { types: [labeled] } }\npermissions: {}\nconcurrency: all\njobs:\n  a:\n    runs-on: x\n    timeout-minutes: 5\n    permissions: { issues: write }\n    steps: [{ run: 'true' }]")]
    public void The_audit_finds_an_unsafe_workflow(string rule, string workflow)
    {
        Assert.Contains(WorkflowAudit.Text(workflow, "w.yml"), finding => finding.Contains($"[{rule}]", StringComparison.Ordinal));
    }

    [Fact]
    public void The_audit_finds_caller_input_expanded_inside_a_composite_action_step()
    {
        const string Action = "name: a\ndescription: d\nruns:\n  using: composite\n  steps:\n    - run: echo ${{ inputs.command }}\n      shell: bash\n";

        Assert.Contains(WorkflowAudit.Text(Action, "action.yml"), finding => finding.Contains("[template-injection]", StringComparison.Ordinal));
    }
}
