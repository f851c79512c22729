using System.Text;
using System.Text.Json.Nodes;
using NJsonSchema;
using Onboarding.Core.Pipelines;
using Onboarding.Core.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Pipelines;

/// <summary>
/// The published pipeline schemas are generated from the model's own description: the committed
/// files equal a fresh generation, and editors' verdicts agree with the loader's.
/// </summary>
public class PipelineSchemaSpecs
{
    [Fact]
    public void The_committed_schemas_are_the_generated_ones()
    {
        foreach (var (path, content) in PipelineSchemas.All())
        {
            Golden.AssertMatches(RepositoryLayout.PathOf(path), Encoding.UTF8.GetString(content));
        }
    }

    [Fact]
    public void The_team_repository_schema_is_the_published_pipeline_schema()
    {
        Assert.Equal(
            File.ReadAllText(RepositoryLayout.PathOf(PipelineSchemas.PipelineFile)),
            Encoding.UTF8.GetString(PipelineSchemas.Pipeline()));
        Assert.Equal(
            File.ReadAllText(RepositoryLayout.PathOf(PipelineSchemas.PipelineFile)),
            File.ReadAllText(RepositoryLayout.PathOf($"templates/team-repo/{PipelineCompiler.SchemaFile}")));
    }

    [Fact]
    public void The_platform_schema_describes_the_pipelines_section_with_the_same_shape()
    {
        var platform = JsonNode.Parse(File.ReadAllText(RepositoryLayout.PathOf("schemas/onboarding.schema.json")))!;

        var teamPlatform = JsonNode.Parse(File.ReadAllText(RepositoryLayout.PathOf(PipelineSchemas.TeamPlatformFile)))!;

        var published = platform["properties"]!["pipelines"];

        Assert.True(JsonNode.DeepEquals(teamPlatform["properties"]!["pipelines"], published),
            "schemas/onboarding.schema.json properties.pipelines differs from the pipelines section of " + PipelineSchemas.TeamPlatformFile);
    }

    [Fact]
    public async Task Editors_accept_the_example_pipelines_and_platform_file()
    {
        var pipeline = await JsonSchema.FromJsonAsync(Encoding.UTF8.GetString(PipelineSchemas.Pipeline()));
        var platform = await JsonSchema.FromJsonAsync(Encoding.UTF8.GetString(PipelineSchemas.TeamPlatform()));

        foreach (var file in Directory.EnumerateFiles(RepositoryLayout.PathOf("templates/team-repo/pipelines"), "*.yaml"))
        {
            Assert.Empty(PublishedSchemas.Validate(pipeline, File.ReadAllText(file)));
        }

        Assert.Empty(PublishedSchemas.Validate(platform, File.ReadAllText(RepositoryLayout.PathOf("templates/team-repo/.onboard/platform.yaml"))));
    }

    [Theory]
    [InlineData("schema_version: 1\npipeline: orders_daily\nstep: []\n")]
    [InlineData("schema_version: 1\npipeline: Orders\nsteps: []\n")]
    [InlineData("schema_version: 1\npipeline: orders_daily\ndeadline: 45 minutes\nsteps: []\n")]
    [InlineData("schema_version: 1\npipeline: orders_daily\nsteps:\n  - id: a\n    sql: ../etc/passwd\n")]
    [InlineData("schema_version: 1\npipeline: orders_daily\nsteps:\n  - id: a\n    produces: [airflow://x]\n    bash: echo\n")]
    public async Task Editors_reject_what_the_loader_rejects(string yaml)
    {
        var schema = await JsonSchema.FromJsonAsync(Encoding.UTF8.GetString(PipelineSchemas.Pipeline()));

        Assert.NotEmpty(PublishedSchemas.Validate(schema, yaml));

        using var repo = new PipelineRepository().Pipeline("orders_daily", yaml);
        Assert.True(repo.Build().HasErrors);
    }
}
