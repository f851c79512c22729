using Onboarding.Testing;
using YamlDotNet.RepresentationModel;

namespace Onboarding.Cli.Tests;

/// <summary>
/// The workflows around the autofix and the regeneration: write access exists only in the opt-in job for
/// same-repository pull requests and in the regeneration after a merge; no pull_request_target anywhere;
/// no checkout keeps credentials on disk.
/// </summary>
public sealed class CheckFixWorkflowSpecs
{
    [Fact]
    public void The_check_fixes_only_when_opted_in_only_after_a_failure_and_only_for_branches_of_this_repository()
    {
        var check = Load("workflows/check.yml");
        var fix = Job(check, "fix");
        var condition = Scalar(fix, "if");

        Assert.Contains("failure()", condition, StringComparison.Ordinal);
        Assert.Contains("vars.ONBOARDING_AUTOFIX == 'true'", condition, StringComparison.Ordinal);
        Assert.Contains("github.event.pull_request.head.repo.full_name == github.repository", condition, StringComparison.Ordinal);
        Assert.Contains("github.event_name == 'pull_request'", condition, StringComparison.Ordinal);
        Assert.Equal("check", Scalar(fix, "needs"));
        var steps = (YamlSequenceNode)fix.Children[new YamlScalarNode("steps")];
        var run = steps.Children.OfType<YamlMappingNode>().Single(s => s.Children.ContainsKey(new YamlScalarNode("uses")) && Scalar(s, "uses") == "./");
        var with = (YamlMappingNode)run.Children[new YamlScalarNode("with")];
        Assert.Equal("true", Scalar(with, "fix"));
        Assert.Equal("read", Scalar((YamlMappingNode)check.Children[new YamlScalarNode("permissions")], "contents"));
        var token = steps.Children.OfType<YamlMappingNode>().Single(s => s.Children.ContainsKey(new YamlScalarNode("uses")) && Scalar(s, "uses").StartsWith("actions/create-github-app-token@", StringComparison.Ordinal));
        var scope = (YamlMappingNode)token.Children[new YamlScalarNode("with")];
        Assert.Equal("write", Scalar(scope, "permission-contents"));
        Assert.Equal("${{ github.event.repository.name }}", Scalar(scope, "repositories"));
        Assert.DoesNotContain(scope.Children.Keys, k => k.ToString().StartsWith("permission-", StringComparison.Ordinal) && k.ToString() != "permission-contents");
    }

    [Fact]
    public void Regeneration_runs_after_pushes_to_the_source_files_and_shares_the_artifacts_group()
    {
        var regenerate = Load("workflows/regenerate.yml");
        var on = (YamlMappingNode)regenerate.Children[new YamlScalarNode("on")];
        var push = (YamlMappingNode)on.Children[new YamlScalarNode("push")];
        var paths = ((YamlSequenceNode)push.Children[new YamlScalarNode("paths")]).Children.Select(p => p.ToString()).ToArray();
        var job = Job(regenerate, "regenerate");

        Assert.Single(on.Children);
        Assert.Equal(["teams/**", "onboarding.yaml", "templates/**"], paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("generated", StringComparison.Ordinal));
        Assert.Equal("onboarding-artifacts", Scalar((YamlMappingNode)job.Children[new YamlScalarNode("concurrency")], "group"));
        Assert.Equal("regenerate", Scalar((YamlMappingNode)((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children
            .OfType<YamlMappingNode>().Single(s => s.Children.ContainsKey(new YamlScalarNode("uses")) && Scalar(s, "uses") == "./")
            .Children[new YamlScalarNode("with")], "command"));
    }

    [Theory]
    [InlineData("workflows/check.yml")]
    [InlineData("workflows/regenerate.yml")]
    public void No_workflow_uses_pull_request_target_or_keeps_credentials_in_the_checkout(string path)
    {
        var workflow = Load(path);
        var triggers = ((YamlMappingNode)workflow.Children[new YamlScalarNode("on")]).Children.Keys.Select(k => k.ToString()).ToArray();

        Assert.DoesNotContain("pull_request_target", triggers);
        Assert.DoesNotContain("workflow_run", triggers);
        foreach (var job in ((YamlMappingNode)workflow.Children[new YamlScalarNode("jobs")]).Children.Values.OfType<YamlMappingNode>())
        {
            foreach (var step in ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.OfType<YamlMappingNode>())
            {
                if (step.Children.ContainsKey(new YamlScalarNode("uses")) && Scalar(step, "uses").StartsWith("actions/checkout@", StringComparison.Ordinal))
                {
                    Assert.Equal("false", Scalar((YamlMappingNode)step.Children[new YamlScalarNode("with")], "persist-credentials"));
                }
            }
        }
    }

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(RepositoryLayout.PathOf(path));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Job(YamlMappingNode workflow, string name) =>
        (YamlMappingNode)((YamlMappingNode)workflow.Children[new YamlScalarNode("jobs")]).Children[new YamlScalarNode(name)];

    private static string Scalar(YamlMappingNode node, string key) => node.Children[new YamlScalarNode(key)].ToString();
}
