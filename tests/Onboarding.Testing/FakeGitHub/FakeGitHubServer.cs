using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Onboarding.Testing.FakeGitHub;

/// <summary>
/// A GitHub REST API on 127.0.0.1 (laid out like GitHub Enterprise Server: <c>/api/v3</c>) with
/// in-memory state, request counting, fault injection and OpenAPI checking of every body it receives
/// and sends. Start it with <see cref="StartAsync"/>, dispose it at the end of the test.
/// </summary>
public sealed class FakeGitHubServer : IAsyncDisposable
{
    public const string DefaultToken = "ghs_FakeGitHubTestToken000000000000";

    private const string ApiPrefix = "/api/v3";

    private readonly WebApplication app;
    private readonly List<FakeRoute> routes;
    private readonly CancellationTokenSource stopping = new();

    private FakeGitHubServer(WebApplication app, TimeProvider clock)
    {
        this.app = app;
        State = new FakeGitHubState(clock);
        routes =
        [
            .. new RepositoryRoutes(State).Routes(),
            .. new TeamRoutes(State).Routes(),
            .. new GitDataRoutes(State).Routes(),
            .. new PullRequestRoutes(State).Routes(),
            .. new IssueRoutes(State).Routes(),
        ];
    }

    public FakeGitHubState State { get; }

    public FaultInjector Faults { get; } = new();

    public RequestLog Requests { get; } = new();

    public OpenApiChecker OpenApi { get; } = new();

    /// <summary>The API root to point a client at, e.g. <c>http://127.0.0.1:41234/api/v3/</c>.</summary>
    public Uri BaseAddress => new($"{Urls.Api}/");

    public FakeUrls Urls { get; private set; } = new("http://127.0.0.1");

    /// <summary>The only token accepted (as <c>Bearer</c> or <c>token</c>); anything else gets 401 "Bad credentials".</summary>
    public string Token { get; set; } = DefaultToken;

    /// <summary>Every request fails with 500 and a body that echoes the request headers, Authorization included.</summary>
    public bool EchoRequestHeaders { get; set; }

    /// <summary>Sees every request as it arrives, before it is answered (e.g. to stop the client half-way).</summary>
    public Action<RecordedRequest>? OnRequest { get; set; }

    /// <summary>When set, pagination links point there instead of at this server (a misconfigured proxy, or a hostile one).</summary>
    public string? PaginationLinkBase { get; set; }

    public static async Task<FakeGitHubServer> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeGitHubServer(app, clock ?? TimeProvider.System);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.Urls = new FakeUrls(address.TrimEnd('/'));
        return server;
    }

    public void InjectFault(FaultRule rule) => Faults.Add(rule);

    /// <summary>Fails with every request or response body that does not match GitHub's OpenAPI description, and every protocol mistake.</summary>
    public void AssertConformsToOpenApi()
    {
        var violations = OpenApi.Violations;
        if (violations.Count > 0)
        {
            Xunit.Assert.Fail($"{violations.Count} OpenAPI violation(s):\n" + string.Join('\n', violations.Take(20)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var path = rawTarget.Split('?', 2)[0];
        path = path.StartsWith(ApiPrefix + "/", StringComparison.Ordinal) ? path[ApiPrefix.Length..] : path;
        var method = context.Request.Method;
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        FakeRoute? route = null;
        Dictionary<string, string> values = [];
        foreach (var candidate in routes)
        {
            if (candidate.TryMatch(method, path, out values))
            {
                route = candidate;
                break;
            }
        }

        var recorded = Requests.Add(new RecordedRequest(method, route?.Template ?? path, path, State.Clock.GetUtcNow()));
        OnRequest?.Invoke(recorded);
        if (EchoRequestHeaders)
        {
            var headers = string.Join("; ", context.Request.Headers.Select(header => $"{header.Key}: {header.Value}"));
            await WriteAsync(context, recorded, new FakeResponse(500, new JsonObject
            {
                ["message"] = $"Server Error. Request headers: {headers}",
                ["request_headers"] = new JsonObject(context.Request.Headers.Select(header => KeyValuePair.Create(header.Key, (JsonNode?)header.Value.ToString()))),
            }), route);
            return;
        }

        if (route is null)
        {
            OpenApi.Record($"{method} {path}: no such operation in the fake");
            await WriteAsync(context, recorded, FakeResponse.NotFound(), route);
            return;
        }

        if (Reject(context.Request.Headers) is { } rejection)
        {
            await WriteAsync(context, recorded, rejection, route);
            return;
        }

        var fault = Faults.Next(route.Key);
        if (fault is not null && !fault.AfterProcessing)
        {
            await ApplyFaultAsync(context, recorded, fault, route);
            return;
        }

        JsonNode? json = null;
        if (body.Length > 0)
        {
            try
            {
                json = JsonNode.Parse(body);
            }
            catch (JsonException)
            {
                OpenApi.Record($"{route.Key}: request body is not JSON");
                await WriteAsync(context, recorded, FakeResponse.Error(400, "Problems parsing JSON"), route);
                return;
            }
        }

        await OpenApi.CheckRequestAsync(route.Key, body.Length > 0 ? body : null);
        var request = new FakeRequest(method, route.Template, values, context.Request.Query, json, context.Request.Headers, Urls);
        FakeResponse response;
        lock (State.Sync)
        {
            response = route.Handle(request);
        }

        if (fault is not null)
        {
            await ApplyFaultAsync(context, recorded, fault, route);
            return;
        }

        await WriteAsync(context, recorded, response.Paginated ? Paginate(context, path, response) : response, route);
    }

    private FakeResponse? Reject(IHeaderDictionary headers)
    {
        var authorization = headers.Authorization.ToString();
        var scheme = authorization.Split(' ', 2);
        if (scheme.Length != 2 || !(scheme[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase) || scheme[0].Equals("token", StringComparison.OrdinalIgnoreCase)))
        {
            OpenApi.Record("request without an Authorization: Bearer|token header");
            return FakeResponse.Error(401, "Requires authentication");
        }

        if (scheme[1] != Token)
        {
            return FakeResponse.Error(401, "Bad credentials");
        }

        if (headers["X-GitHub-Api-Version"].ToString() is var version && version != "2022-11-28")
        {
            OpenApi.Record($"request with X-GitHub-Api-Version '{version}', expected 2022-11-28");
            return FakeResponse.Error(400, $"Invalid API version '{version}'");
        }

        if (string.IsNullOrWhiteSpace(headers.UserAgent))
        {
            OpenApi.Record("request without a User-Agent header");
            return FakeResponse.Error(403, "Request forbidden by administrative rules. Please make sure your request has a User-Agent header.");
        }

        return null;
    }

    private async Task ApplyFaultAsync(HttpContext context, RecordedRequest recorded, FaultRule fault, FakeRoute route)
    {
        recorded.Fault = fault.Kind;
        switch (fault.Kind)
        {
            case FaultKind.Timeout:
                using (var hang = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token))
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, hang.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // The client gave up or the server stops: either way no answer is sent.
                    }
                }

                context.Abort();
                return;
            case FaultKind.ConnectionReset:
                context.Abort();
                return;
            case FaultKind.InternalServerError:
                await WriteAsync(context, recorded, FakeResponse.Error(500, fault.Message ?? "Server Error"), route);
                return;
            case FaultKind.BadGateway:
                await WriteAsync(context, recorded, FakeResponse.Error(502, "Server Error: Sorry, this diff is taking too long to generate."), route);
                return;
            case FaultKind.SecondaryRateLimit:
                await WriteAsync(context, recorded, FakeResponse.Error(403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."), route, RetryAfter(fault));
                return;
            case FaultKind.TooManyRequests:
                await WriteAsync(context, recorded, FakeResponse.Error(429, "Too many requests."), route, RetryAfter(fault));
                return;
            case FaultKind.Forbidden:
                await WriteAsync(context, recorded, FakeResponse.Error(403, fault.Message ?? "Resource not accessible by integration"), route);
                return;
            case FaultKind.PrimaryRateLimit:
                var reset = (State.Clock.GetUtcNow() + fault.ResetAfter).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                await WriteAsync(context, recorded, FakeResponse.Error(403, "API rate limit exceeded for installation."), route, new()
                {
                    ["x-ratelimit-limit"] = "5000",
                    ["x-ratelimit-remaining"] = "0",
                    ["x-ratelimit-used"] = "5000",
                    ["x-ratelimit-reset"] = reset,
                });
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault.Kind, "Unknown fault.");
        }
    }

    private static Dictionary<string, string> RetryAfter(FaultRule fault) =>
        fault.RetryAfter is { } after ? new() { ["retry-after"] = ((int)after.TotalSeconds).ToString(CultureInfo.InvariantCulture) } : [];

    private FakeResponse Paginate(HttpContext context, string path, FakeResponse response)
    {
        var items = response.Body!.AsArray();
        var perPage = Math.Clamp(int.TryParse(context.Request.Query["per_page"], out var size) ? size : 30, 1, 100);
        var page = Math.Max(1, int.TryParse(context.Request.Query["page"], out var number) ? number : 1);
        var last = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var slice = new JsonArray([.. items.Skip((page - 1) * perPage).Take(perPage).Select(item => item!.DeepClone())]);
        var links = new List<string>();
        string Link(int target, string rel)
        {
            var query = context.Request.Query.Where(pair => pair.Key != "page").Select(pair => $"{pair.Key}={Uri.EscapeDataString(pair.Value.ToString())}").Append($"page={target}");
            return $"<{PaginationLinkBase ?? Urls.Web}{ApiPrefix}{path}?{string.Join('&', query)}>; rel=\"{rel}\"";
        }

        if (page < last)
        {
            links.Add(Link(page + 1, "next"));
            links.Add(Link(last, "last"));
        }

        if (page > 1)
        {
            links.Add(Link(1, "first"));
            links.Add(Link(page - 1, "prev"));
        }

        return new FakeResponse(200, slice) { Link = links.Count > 0 ? string.Join(", ", links) : null };
    }

    private async Task WriteAsync(HttpContext context, RecordedRequest recorded, FakeResponse response, FakeRoute? route, Dictionary<string, string>? headers = null)
    {
        recorded.Status = response.Status;
        context.Response.StatusCode = response.Status;
        var used = Requests.All.Count;
        context.Response.Headers["x-github-api-version-selected"] = "2022-11-28";
        context.Response.Headers["x-ratelimit-limit"] = "5000";
        context.Response.Headers["x-ratelimit-remaining"] = Math.Max(0, 5000 - used).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["x-ratelimit-used"] = used.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["x-ratelimit-reset"] = (State.Clock.GetUtcNow() + TimeSpan.FromHours(1)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["x-ratelimit-resource"] = "core";
        foreach (var (name, value) in headers ?? [])
        {
            context.Response.Headers[name] = value;
        }

        if (response.Link is { } link)
        {
            context.Response.Headers["Link"] = link;
        }

        var json = response.Body?.ToJsonString();
        if (route is not null && !EchoRequestHeaders)
        {
            await OpenApi.CheckResponseAsync(route.Key, response.Status, json);
        }

        if (json is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(json, context.RequestAborted);
        }
    }
}
