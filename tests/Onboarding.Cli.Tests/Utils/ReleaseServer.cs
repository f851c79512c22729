using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Onboarding.Cli.Tests.Utils;

/// <summary>
/// GitHub's release downloads on 127.0.0.1: <c>GET /&lt;owner&gt;/&lt;repo&gt;/releases/download/&lt;tag&gt;/&lt;file&gt;</c>
/// answers the bytes a test put there, anything else 404. Records every path asked for.
/// </summary>
internal sealed class ReleaseServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, byte[]> files = new(StringComparer.Ordinal);

    private ReleaseServer(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<ReleaseServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new ReleaseServer(builder.Build());
        server.app.Run(server.HandleAsync);
        await server.app.StartAsync();
        server.BaseUrl = server.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        return server;
    }

    /// <summary>The value of ONBOARD_RELEASE_BASE_URL for releases of <paramref name="repository"/>.</summary>
    public string DownloadBase(string repository) => $"{BaseUrl}/{repository}/releases/download";

    public void Put(string repository, string tag, string name, byte[] content) => files[$"/{repository}/releases/download/{tag}/{name}"] = content;

    public void Clear() => files.Clear();

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        Requests.Enqueue(path);
        if (context.Request.Method == HttpMethods.Get && files.TryGetValue(path, out var content))
        {
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(content);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
