using System.Text.Json.Serialization;
using Onboarding.GitHub.Models;

namespace Onboarding.GitHub;

/// <summary>The one place the wire conventions are set: snake_case, nulls not sent, unknown fields ignored.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Repository))]
[JsonSerializable(typeof(CreateRepositoryRequest))]
[JsonSerializable(typeof(GenerateRepositoryRequest))]
[JsonSerializable(typeof(UpdateRepositoryRequest))]
[JsonSerializable(typeof(Team))]
[JsonSerializable(typeof(TeamRepositoryAccess))]
[JsonSerializable(typeof(TeamPermissionRequest))]
[JsonSerializable(typeof(CollaboratorRole))]
[JsonSerializable(typeof(Issue))]
[JsonSerializable(typeof(List<Issue>))]
[JsonSerializable(typeof(CreateIssueRequest))]
[JsonSerializable(typeof(UpdateIssueRequest))]
[JsonSerializable(typeof(List<Label>))]
[JsonSerializable(typeof(LabelsRequest))]
[JsonSerializable(typeof(GitRef))]
[JsonSerializable(typeof(CreateRefRequest))]
[JsonSerializable(typeof(UpdateRefRequest))]
[JsonSerializable(typeof(GitCommit))]
[JsonSerializable(typeof(CreateCommitRequest))]
[JsonSerializable(typeof(GitTree))]
[JsonSerializable(typeof(GitBlob))]
[JsonSerializable(typeof(CreateTreeRequest))]
[JsonSerializable(typeof(PullRequest))]
[JsonSerializable(typeof(List<PullRequest>))]
[JsonSerializable(typeof(CreatePullRequestRequest))]
[JsonSerializable(typeof(UpdatePullRequestRequest))]
[JsonSerializable(typeof(IssueComment))]
[JsonSerializable(typeof(List<IssueComment>))]
[JsonSerializable(typeof(CommentRequest))]
[JsonSerializable(typeof(GitHubErrorBody))]
public sealed partial class GitHubJsonContext : JsonSerializerContext;
