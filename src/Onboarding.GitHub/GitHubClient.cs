using System.Text.Json.Serialization.Metadata;
using Polly;

namespace Onboarding.GitHub;

/// <summary>
/// The GitHub REST calls of onboarding. Reads return null when the thing is absent; every failure is a
/// <see cref="GitHubApiException"/>. Retries follow GitHub's rules (see <see cref="RetryPipelineFactory"/>);
/// a POST that may have reached GitHub is never re-sent: the exception says
/// <see cref="GitHubApiException.OutcomeUnknown"/> and the caller looks before it acts again.
/// </summary>
public sealed class GitHubClient : IDisposable
{
    private static readonly GitHubJsonContext Json = GitHubJsonContext.Default;

    private readonly HttpClient http;
    private readonly GitHubClientOptions options;
    private readonly TimeProvider time;
    private readonly Uri baseAddress;
    private readonly SecretRedactor redactor;
    private readonly MutationPacer pacer;
    private readonly ResiliencePipeline<HttpResponseMessage> idempotentPipeline;
    private readonly ResiliencePipeline<HttpResponseMessage> postPipeline;

    public GitHubClient(HttpClient http, GitHubClientOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        this.http = http;
        this.options = options;
        this.time = time ?? TimeProvider.System;
        baseAddress = new Uri(options.BaseAddress.AbsoluteUri.TrimEnd('/') + "/");
        redactor = new SecretRedactor(options.Token);
        pacer = new MutationPacer(this.time, options);
        idempotentPipeline = RetryPipelineFactory.Create(options, this.time, idempotent: true, Log);
        postPipeline = RetryPipelineFactory.Create(options, this.time, idempotent: false, Log);
    }

    public Task<Repository?> GetRepositoryAsync(string owner, string repo, CancellationToken cancellationToken) =>
        SendOrNullAsync(ApiCall.Get("/repos/{owner}/{repo}", owner, repo), Json.Repository, cancellationToken);

    /// <summary>GitHub may rename a repository silently: compare the returned name with the requested one.</summary>
    public Task<Repository> CreateOrganizationRepositoryAsync(string org, CreateRepositoryRequest request, CancellationToken cancellationToken) =>
        SendAsync(ApiCall.Post("/orgs/{org}/repos", org) with { Body = Serialize(request, Json.CreateRepositoryRequest) }, Json.Repository, cancellationToken);

    /// <summary>The contents arrive later: wait with <see cref="WaitForBranchAsync"/>. Only private or public here; internal needs <see cref="UpdateRepositoryAsync"/> after.</summary>
    public Task<Repository> GenerateFromTemplateAsync(string templateOwner, string templateRepo, GenerateRepositoryRequest request, CancellationToken cancellationToken) =>
        SendAsync(ApiCall.Post("/repos/{template_owner}/{template_repo}/generate", templateOwner, templateRepo) with { Body = Serialize(request, Json.GenerateRepositoryRequest) }, Json.Repository, cancellationToken);

    public Task<Repository> UpdateRepositoryAsync(string owner, string repo, UpdateRepositoryRequest request, CancellationToken cancellationToken) =>
        SendAsync(ApiCall.Patch("/repos/{owner}/{repo}", owner, repo) with { Body = Serialize(request, Json.UpdateRepositoryRequest) }, Json.Repository, cancellationToken);

    public Task<Team?> GetTeamAsync(string org, string teamSlug, CancellationToken cancellationToken) =>
        SendOrNullAsync(ApiCall.Get("/orgs/{org}/teams/{team_slug}", org, teamSlug), Json.Team, cancellationToken);

    /// <summary>Null when the team has no access to the repository.</summary>
    public Task<TeamRepositoryAccess?> GetTeamRepositoryAccessAsync(string org, string teamSlug, string owner, string repo, CancellationToken cancellationToken) =>
        SendOrNullAsync(ApiCall.Get("/orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}", org, teamSlug, owner, repo) with { Accept = "application/vnd.github.v3.repository+json" }, Json.TeamRepositoryAccess, cancellationToken);

    /// <summary><paramref name="permission"/>: pull, triage, push, maintain, admin or a custom role name.</summary>
    public Task SetTeamRepositoryPermissionAsync(string org, string teamSlug, string owner, string repo, string permission, CancellationToken cancellationToken) =>
        SendAsync(ApiCall.Put("/orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}", org, teamSlug, owner, repo) with { Body = Serialize(new TeamPermissionRequest(permission), Json.TeamPermissionRequest) }, cancellationToken);

    public Task<CollaboratorRole?> GetCollaboratorPermissionAsync(string owner, string repo, string username, CancellationToken cancellationToken) =>
        SendOrNullAsync(ApiCall.Get("/repos/{owner}/{repo}/collaborators/{username}/permission", owner, repo, username), Json.CollaboratorRole, cancellationToken);

    public Task<Issue?> GetIssueAsync(string owner, string repo, int issueNumber, CancellationToken cancellationToken) =>
        SendOrNullAsync(ApiCall.Get("/repos/{owner}/{repo}/issues/{issue_number}", owner, repo, Number(issueNumber)), Json.Issue, cancellationToken);

    public Task<Issue> CreateIssueAsync(string owner, string repo, CreateIssueRequest request, CancellationToken cancellationToken) =>
        SendAsync(ApiCall.Post("/repos/{owner}/{repo}/issues", owner, repo) with { Body = Serialize(request, Json.CreateIssueRequest) }, Json.Issue, cancellationToken);

    public Task<Issue> UpdateIssueAsync(string owner, string repo, int issueNumber, UpdateIssueRequest request, CancellationToken cancellationToken) =>
        SendAsync(ApiCall.Patch("/repos/{owner}/{repo}/issues/{issue_number}", owner, repo, Number(issueNumber)) with { Body = Serialize(request, Json.UpdateIssueRequest) }, Json.Issue, cancellationToken);

    /// <summary>Issues (never pull requests) carrying <paramref name="label"/>; <paramref name="state"/>: open, closed or all.</summary>
    public async Task<IReadOnlyList<Issue>> ListIssuesByLabelAsync(string owner, string repo, string label, string state, CancellationToken cancellationToken) =>
        (await GetAllPagesAsync(ApiCall.Get("/repos/{owner}/{repo}/issues", owner, repo).WithQuery(("labels", label), ("state", state)), Json.ListIssue, cancellationToken)).Where(issue => !issue.IsPullRequest).ToList();

    /// <summary>Null when the branch does not exist or the repository is still empty.</summary>
    public Task<GitRef?> GetBranchRefAsync(string owner, string repo, string branch, CancellationToken cancellationToken) =>
        SendOrNullAsync(ApiCall.Get("/repos/{owner}/{repo}/git/ref/{ref}", owner, repo, $"heads/{branch}"), Json.GitRef, cancellationToken, absentWhenEmpty: true);

    /// <summary>Null when there is no such ref; <paramref name="qualifiedRef"/> is <c>heads/NAME</c> or <c>tags/NAME</c>.</summary>
    public Task<GitRef?> GetRefAsync(string owner, string repo, string qualifiedRef, CancellationToken cancellationToken) =>
        SendOrNullAsync(ApiCall.Get("/repos/{owner}/{repo}/git/ref/{ref}", owner, repo, qualifiedRef), Json.GitRef, cancellationToken, absentWhenEmpty: true);

    public Task<GitRef> CreateBranchRefAsync(string owner, string repo, string branch, string sha, CancellationToken cancellationToken) =>
        SendAsync(ApiCall.Post("/repos/{owner}/{repo}/git/refs", owner, repo) with { Body = Serialize(new CreateRefRequest($"refs/heads/{branch}", sha), Json.CreateRefRequest) }, Json.GitRef, cancellationToken);

    /// <summary>Fast-forward only: throws <see cref="RefNotFastForwardException"/> when the branch moved elsewhere meanwhile.</summary>
    public Task<GitRef> UpdateBranchRefAsync(string owner, string repo, string branch, string sha, CancellationToken cancellationToken) =>
        SendAsync(ApiCall.Patch("/repos/{owner}/{repo}/git/refs/{ref}", owner, repo, $"heads/{branch}") with { Body = Serialize(new UpdateRefRequest(sha), Json.UpdateRefRequest) }, Json.GitRef, cancellationToken);

    /// <summary>
    /// Moves the branch to <paramref name="sha"/> even when that is not a fast-forward. Only for a branch the
    /// caller owns entirely: whatever the branch held before is dropped from it.
    /// </summary>
    public Task<GitRef> ForceBranchRefAsync(string owner, string repo, string branch, string sha, CancellationToken cancellationToken) =>
        SendAsync(ApiCall.Patch("/repos/{owner}/{repo}/git/refs/{ref}", owner, repo, $"heads/{branch}") with { Body = Serialize(new UpdateRefRequest(sha, Force: true), Json.UpdateRefRequest) }, Json.GitRef, cancellationToken);

    public Task<GitCommit?> GetCommitAsync(string owner, string repo, string sha, CancellationToken cancellationToken) =>
        SendOrNullAsync(ApiCall.Get("/repos/{owner}/{repo}/git/commits/{commit_sha}", owner, repo, sha), Json.GitCommit, cancellationToken);

    /// <summary>With <paramref name="recursive"/> every file of every folder, paths relative to the root; null when the tree does not exist.</summary>
    public Task<GitTree?> GetTreeAsync(string owner, string repo, string treeSha, bool recursive, CancellationToken cancellationToken) =>
        SendOrNullAsync(ApiCall.Get("/repos/{owner}/{repo}/git/trees/{tree_sha}", owner, repo, treeSha).WithQuery(recursive ? [("recursive", "1")] : []), Json.GitTree, cancellationToken);

    /// <summary>A file's bytes by its blob SHA (as a listed tree gives it); null when there is no such blob.</summary>
    public async Task<byte[]?> GetBlobAsync(string owner, string repo, string fileSha, CancellationToken cancellationToken)
    {
        var blob = await SendOrNullAsync(ApiCall.Get("/repos/{owner}/{repo}/git/blobs/{file_sha}", owner, repo, fileSha), Json.GitBlob, cancellationToken);
        if (blob is null)
        {
            return null;
        }

        return blob.Encoding == "base64"
            ? Convert.FromBase64String(blob.Content.Replace("\n", string.Empty, StringComparison.Ordinal))
            : System.Text.Encoding.UTF8.GetBytes(blob.Content);
    }

    public Task<GitTree> CreateTreeAsync(string owner, string repo, CreateTreeRequest request, CancellationToken cancellationToken) =>
        SendAsync(ApiCall.Post("/repos/{owner}/{repo}/git/trees", owner, repo) with { Body = Serialize(request, Json.CreateTreeRequest) }, Json.GitTree, cancellationToken);

    public Task<GitCommit> CreateCommitAsync(string owner, string repo, CreateCommitRequest request, CancellationToken cancellationToken) =>
        SendAsync(ApiCall.Post("/repos/{owner}/{repo}/git/commits", owner, repo) with { Body = Serialize(request, Json.CreateCommitRequest) }, Json.GitCommit, cancellationToken);

    /// <summary>A second PR for the same head fails with <see cref="GitHubErrorReason.PullRequestExists"/>: find it with <see cref="FindOpenPullRequestAsync"/>.</summary>
    public Task<PullRequest> CreatePullRequestAsync(string owner, string repo, CreatePullRequestRequest request, CancellationToken cancellationToken) =>
        SendAsync(ApiCall.Post("/repos/{owner}/{repo}/pulls", owner, repo) with { Body = Serialize(request, Json.CreatePullRequestRequest) }, Json.PullRequest, cancellationToken);

    /// <summary>The open pull request from <paramref name="headOwner"/>:<paramref name="branch"/>, or null.</summary>
    public async Task<PullRequest?> FindOpenPullRequestAsync(string owner, string repo, string headOwner, string branch, CancellationToken cancellationToken) =>
        (await GetAllPagesAsync(ApiCall.Get("/repos/{owner}/{repo}/pulls", owner, repo).WithQuery(("head", $"{headOwner}:{branch}"), ("state", "open")), Json.ListPullRequest, cancellationToken)).FirstOrDefault();

    /// <summary>Every open pull request into <paramref name="baseBranch"/>.</summary>
    public async Task<IReadOnlyList<PullRequest>> ListOpenPullRequestsAsync(string owner, string repo, string baseBranch, CancellationToken cancellationToken) =>
        await GetAllPagesAsync(ApiCall.Get("/repos/{owner}/{repo}/pulls", owner, repo).WithQuery(("state", "open"), ("base", baseBranch)), Json.ListPullRequest, cancellationToken);

    public Task<PullRequest> UpdatePullRequestAsync(string owner, string repo, int pullNumber, UpdatePullRequestRequest request, CancellationToken cancellationToken) =>
        SendAsync(ApiCall.Patch("/repos/{owner}/{repo}/pulls/{pull_number}", owner, repo, Number(pullNumber)) with { Body = Serialize(request, Json.UpdatePullRequestRequest) }, Json.PullRequest, cancellationToken);

    public async Task<IReadOnlyList<IssueComment>> ListIssueCommentsAsync(string owner, string repo, int issueNumber, CancellationToken cancellationToken) =>
        await GetAllPagesAsync(ApiCall.Get("/repos/{owner}/{repo}/issues/{issue_number}/comments", owner, repo, Number(issueNumber)), Json.ListIssueComment, cancellationToken);

    public Task<IssueComment> CreateIssueCommentAsync(string owner, string repo, int issueNumber, string body, CancellationToken cancellationToken) =>
        SendAsync(ApiCall.Post("/repos/{owner}/{repo}/issues/{issue_number}/comments", owner, repo, Number(issueNumber)) with { Body = Serialize(new CommentRequest(body), Json.CommentRequest) }, Json.IssueComment, cancellationToken);

    public Task<IssueComment> UpdateIssueCommentAsync(string owner, string repo, long commentId, string body, CancellationToken cancellationToken) =>
        SendAsync(ApiCall.Patch("/repos/{owner}/{repo}/issues/comments/{comment_id}", owner, repo, commentId.ToString(System.Globalization.CultureInfo.InvariantCulture)) with { Body = Serialize(new CommentRequest(body), Json.CommentRequest) }, Json.IssueComment, cancellationToken);

    /// <summary>Returns every label of the issue afterwards.</summary>
    public async Task<IReadOnlyList<Label>> AddLabelsAsync(string owner, string repo, int issueNumber, IReadOnlyList<string> labels, CancellationToken cancellationToken) =>
        await SendAsync(ApiCall.Post("/repos/{owner}/{repo}/issues/{issue_number}/labels", owner, repo, Number(issueNumber)) with { Body = Serialize(new LabelsRequest(labels), Json.LabelsRequest) }, Json.ListLabel, cancellationToken);

    /// <summary>Returns the remaining labels, or null when the issue did not carry the label.</summary>
    public async Task<IReadOnlyList<Label>?> RemoveLabelAsync(string owner, string repo, int issueNumber, string label, CancellationToken cancellationToken) =>
        await SendOrNullAsync(ApiCall.Delete("/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", owner, repo, Number(issueNumber), label), Json.ListLabel, cancellationToken);

    /// <summary>
    /// Waits until the branch exists, checking with a doubling pause (capped at 30 s) on the injected
    /// clock: a repository generated from a template gets its contents asynchronously.
    /// </summary>
    public async Task<GitRef> WaitForBranchAsync(string owner, string repo, string branch, CancellationToken cancellationToken)
    {
        var pause = options.BaseBackoff;
        for (var check = 1; ; check++)
        {
            if (await GetBranchRefAsync(owner, repo, branch, cancellationToken) is { } found)
            {
                return found;
            }

            if (check >= options.ReadinessChecks)
            {
                throw new GitHubApiException("GET", "/repos/{owner}/{repo}/git/ref/{ref}", 404, $"branch '{branch}' did not appear after {check} checks; GitHub copies template contents asynchronously, run again later", check, GitHubErrorReason.NotFound);
            }

            await Task.Delay(pause, time, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }
    }

    public void Dispose() => pacer.Dispose();

    public override string ToString() => $"GitHubClient {{ BaseAddress = {baseAddress} }}";

    private static string Number(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    private async Task<T> SendAsync<T>(ApiCall call, JsonTypeInfo<T> resultType, CancellationToken cancellationToken)
    {
        using var response = await ExchangeAsync(call, allowAbsent: false, absentWhenEmpty: false, cancellationToken);
        return await ReadAsync(call, response!, resultType, cancellationToken);
    }

    private async Task SendAsync(ApiCall call, CancellationToken cancellationToken)
    {
        using var response = await ExchangeAsync(call, allowAbsent: false, absentWhenEmpty: false, cancellationToken);
    }

    private async Task<T?> SendOrNullAsync<T>(ApiCall call, JsonTypeInfo<T> resultType, CancellationToken cancellationToken, bool absentWhenEmpty = false)
        where T : class
    {
        using var response = await ExchangeAsync(call, allowAbsent: true, absentWhenEmpty, cancellationToken);
        return response is null ? null : await ReadAsync(call, response, resultType, cancellationToken);
    }

    private async Task<List<T>> GetAllPagesAsync<T>(ApiCall call, JsonTypeInfo<List<T>> pageType, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var page = call with { Query = call.Query.Length == 0 ? "per_page=100" : $"{call.Query}&per_page=100" };
        while (true)
        {
            using var response = await ExchangeAsync(page, allowAbsent: false, absentWhenEmpty: false, cancellationToken);
            items.AddRange(await ReadAsync(page, response!, pageType, cancellationToken));
            if (LinkHeader.Next(response!) is not { } next)
            {
                return items;
            }

            // The token goes only where the client was pointed: a Link to another host is not followed.
            if (!baseAddress.IsBaseOf(next))
            {
                throw new GitHubApiException(call.Method.Method, call.Template, (int)response!.StatusCode, "the next page lies outside the API base address; not followed", 1, GitHubErrorReason.Other);
            }

            page = page with { NextPage = next };
        }
    }

    private async Task<T> ReadAsync<T>(ApiCall call, HttpResponseMessage response, JsonTypeInfo<T> resultType, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonSerializer.DeserializeAsync(stream, resultType, cancellationToken)
                ?? throw new JsonException("the body is JSON null");
        }
        catch (JsonException exception)
        {
            throw new GitHubApiException(call.Method.Method, call.Template, (int)response.StatusCode, $"unexpected response body ({redactor.Redact(exception.Message)})", 1, GitHubErrorReason.Other);
        }
    }

    /// <summary>
    /// The one place a request is sent: pacing for mutations, retries, and mapping of every failure to
    /// <see cref="GitHubApiException"/>. Returns a successful response, or null for an absent resource
    /// when <paramref name="allowAbsent"/>.
    /// </summary>
    private async Task<HttpResponseMessage?> ExchangeAsync(ApiCall call, bool allowAbsent, bool absentWhenEmpty, CancellationToken cancellationToken)
    {
        using var mutationGate = call.IsMutating ? await pacer.EnterAsync(cancellationToken) : null;
        var pipeline = call.IsIdempotent ? idempotentPipeline : postPipeline;
        var context = ResilienceContextPool.Shared.Get(call.Name, cancellationToken);
        var attempts = 0;
        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await pipeline.ExecuteOutcomeAsync(
                async (ctx, state) =>
                {
                    attempts++;
                    try
                    {
                        return Outcome.FromResult(await SendOnceAsync(state, ctx.CancellationToken));
                    }
                    catch (Exception exception) when (exception is HttpRequestException or AttemptTimeoutException)
                    {
                        return Outcome.FromException<HttpResponseMessage>(exception);
                    }
                },
                context,
                call);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (outcome.Exception is { } failure)
        {
            if (failure is OperationCanceledException)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var what = failure is AttemptTimeoutException ? $"timed out after {options.AttemptTimeout.TotalSeconds:0.###} s" : "connection failed";
            Log($"{call.Name}: {what} ({attempts} tries)");
            throw new GitHubApiException(call.Method.Method, call.Template, null, what, attempts, GitHubErrorReason.Unavailable, outcomeUnknown: !call.IsIdempotent, innerException: failure as HttpRequestException);
        }

        var response = outcome.Result!;
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var message = await ErrorMessageAsync(response, cancellationToken);
            var status = (int)response.StatusCode;
            if (allowAbsent && (status == 404 || (absentWhenEmpty && status == 409 && message.Contains("is empty", StringComparison.OrdinalIgnoreCase))))
            {
                return null;
            }

            if (status == 422 && message.Contains("not a fast forward", StringComparison.OrdinalIgnoreCase))
            {
                throw new RefNotFastForwardException(call.Method.Method, call.Template, status, message);
            }

            var reason = await RetryClassifier.ClassifyAsync(response, cancellationToken) switch
            {
                RetryReason.PrimaryRateLimit or RetryReason.SecondaryRateLimit => GitHubErrorReason.RateLimited,
                RetryReason.Transient => GitHubErrorReason.Unavailable,
                _ when status == 404 => GitHubErrorReason.NotFound,
                _ when status == 422 && message.Contains("pull request already exists", StringComparison.OrdinalIgnoreCase) => GitHubErrorReason.PullRequestExists,
                _ when status == 422 && message.Contains("already exists", StringComparison.OrdinalIgnoreCase) => GitHubErrorReason.AlreadyExists,
                _ => GitHubErrorReason.Other,
            };
            if (reason == GitHubErrorReason.RateLimited && RetryClassifier.IsPrimaryLimitExhausted(response) && RetryClassifier.RateLimitReset(response) is { } reset)
            {
                message = $"{message} (the limit resets at {reset.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z)";
            }

            var outcomeUnknown = reason == GitHubErrorReason.Unavailable && !call.IsIdempotent;
            throw new GitHubApiException(call.Method.Method, call.Template, status, message, attempts, reason, outcomeUnknown);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(ApiCall call, CancellationToken cancellationToken)
    {
        if (call.IsMutating)
        {
            await pacer.BeforeSendAsync(cancellationToken);
        }

        using var request = new HttpRequestMessage(call.Method, call.NextPage ?? new Uri(baseAddress, call.Path.TrimStart('/') + (call.Query.Length > 0 ? "?" + call.Query : string.Empty)));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", call.Accept);
        request.Headers.Add("X-GitHub-Api-Version", GitHubClientOptions.ApiVersion);
        if (call.Body is { } body)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        // Cancellation stops a run between requests. A read in flight is dropped; a write in flight is let
        // finish (bounded by the attempt timeout), so a change GitHub received never ends with an unknown outcome.
        cancellationToken.ThrowIfCancellationRequested();
        Log($"{call.Method.Method} {request.RequestUri} {HttpLogFormatter.Headers(request.Headers)}");
        using var attemptTimeout = call.IsMutating ? new CancellationTokenSource() : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptTimeout.CancelAfter(options.AttemptTimeout);
        try
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptTimeout.Token);
            Log($"{call.Name}: HTTP {(int)response.StatusCode}");
            return response;
        }
        catch (OperationCanceledException) when (call.IsMutating || !cancellationToken.IsCancellationRequested)
        {
            throw new AttemptTimeoutException();
        }
    }

    private async Task<string> ErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        string message;
        try
        {
            var error = JsonSerializer.Deserialize(text, Json.GitHubErrorBody);
            var details = error?.Errors?.Select(detail => detail.Message ?? $"{detail.Resource} {detail.Field} {detail.Code}".Trim()) ?? [];
            message = string.Join(": ", new[] { error?.Message }.Concat(details).Where(part => !string.IsNullOrWhiteSpace(part)));
        }
        catch (JsonException)
        {
            message = response.ReasonPhrase ?? ((HttpStatusCode)(int)response.StatusCode).ToString();
        }

        return redactor.Redact(message.Length > 500 ? message[..500] + "…" : message);
    }

    private void Log(string line) => options.Log?.Invoke(redactor.Redact(line));
}
