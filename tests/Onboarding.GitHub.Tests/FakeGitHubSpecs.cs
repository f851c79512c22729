using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Onboarding.GitHub.Tests.Utils;
using Onboarding.Testing.FakeGitHub;

namespace Onboarding.GitHub.Tests;

/// <summary>The fake behaves as GitHub does where the client relies on it, and catches clients that do not follow the rules.</summary>
public sealed class FakeGitHubSpecs
{
    [Fact]
    public async Task A_request_without_a_token_is_refused_and_recorded_as_a_violation()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "repos/acme/x"));
        request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        request.Headers.UserAgent.ParseAdd("test");

        using var response = await http.SendAsync(request, TestTimeout.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(server.OpenApi.Violations, violation => violation.Contains("Authorization", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_without_the_api_version_header_is_refused_and_recorded_as_a_violation()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "repos/acme/x"));
        request.Headers.Authorization = new AuthenticationHeaderValue("token", server.Token);
        request.Headers.UserAgent.ParseAdd("test");

        using var response = await http.SendAsync(request, TestTimeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(server.OpenApi.Violations, violation => violation.Contains("X-GitHub-Api-Version", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Not_found_has_GitHubs_body()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        using var http = new HttpClient();
        using var request = Authorized(server, HttpMethod.Get, "repos/acme/missing");

        using var response = await http.SendAsync(request, TestTimeout.Token);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestTimeout.Token))!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not Found", body["message"]!.GetValue<string>());
        Assert.StartsWith("https://docs.github.com/", body["documentation_url"]!.GetValue<string>(), StringComparison.Ordinal);
        server.AssertConformsToOpenApi();
    }

    [Fact]
    public async Task A_body_that_breaks_GitHubs_schema_is_recorded_as_a_violation()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.State.AddOrganization("acme");
        using var http = new HttpClient();
        using var request = Authorized(server, HttpMethod.Post, "orgs/acme/repos");
        request.Content = new StringContent("""{"name": 42, "auto_init": "yes"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await http.SendAsync(request, TestTimeout.Token);

        Assert.Contains(server.OpenApi.Violations, violation => violation.StartsWith("POST /orgs/{org}/repos request body", StringComparison.Ordinal));
        Assert.Throws<Xunit.Sdk.FailException>(server.AssertConformsToOpenApi);
    }

    [Fact]
    public async Task Requests_are_counted_per_operation_in_a_printable_table()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.State.AddOrganization("acme");
        server.State.AddRepository("acme", "platform", new Dictionary<string, string> { ["a"] = "a" });
        using var http = new HttpClient();
        foreach (var path in new[] { "repos/acme/platform", "repos/acme/PLATFORM", "repos/acme/platform/git/ref/heads/main" })
        {
            using var request = Authorized(server, HttpMethod.Get, path);
            using var response = await http.SendAsync(request, TestTimeout.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var table = server.Requests.Table();

        Assert.Equal(2, server.Requests.Count("GET /repos/{owner}/{repo}"));
        Assert.Equal(
            """
            operation                                count
            GET /repos/{owner}/{repo}                2
            GET /repos/{owner}/{repo}/git/ref/{ref}  1
            total                                    3

            """,
            table);
        server.AssertConformsToOpenApi();
    }

    [Fact]
    public async Task Every_operation_the_fake_serves_is_described_in_operations_json()
    {
        var described = await OpenApiChecker.OperationsAsync();

        Assert.Equal(28, described.Count);
        Assert.Contains("PATCH /repos/{owner}/{repo}/git/refs/{ref}", described);
        Assert.Contains("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", described);
    }

    private static HttpRequestMessage Authorized(FakeGitHubServer server, HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(server.BaseAddress, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.Token);
        request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        request.Headers.UserAgent.ParseAdd("test");
        return request;
    }
}
