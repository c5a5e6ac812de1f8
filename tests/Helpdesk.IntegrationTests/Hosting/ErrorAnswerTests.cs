using System.Net;
using System.Text.Json.Nodes;
using Helpdesk.Core.Intake;
using Helpdesk.Functions.Hosting;
using Helpdesk.IntegrationTests.Functions;
using Helpdesk.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Helpdesk.IntegrationTests.Hosting;

/// <summary>
/// An unhandled exception gets one answer in both hosts, written once in Core (<c>ErrorAnswer</c>): problem+json
/// without stack trace, type or message for scripts, a bilingual page for browsers.
/// </summary>
public class ErrorAnswerTests
{
    private const string Secret = "connection to 10.1.2.3 refused, key=s3cr3t";

    [Fact]
    public async Task UnhandledException_IsTheSameProblemJson500_InBothHosts_WithoutDetails()
    {
        await using var host = await BrokenStandaloneAsync();
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/form");
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await client.SendAsync(request);
        var standalone = await response.Content.ReadAsStringAsync();
        var functions = await FunctionsAnswerAsync("application/json");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal((500, "application/problem+json", "nosniff"), (functions.Status, functions.ContentType, functions.Headers["X-Content-Type-Options"].ToString()));
        foreach (var body in new[] { standalone, functions.Body })
        {
            AssertNoDetails(body);
        }

        var a = JsonNode.Parse(standalone)!.AsObject();
        var b = JsonNode.Parse(functions.Body)!.AsObject();
        Assert.False(string.IsNullOrEmpty((string?)a["traceId"]));
        a.Remove("traceId");
        b.Remove("traceId");
        Assert.True(JsonNode.DeepEquals(a, b), $"standalone {a.ToJsonString()} vs functions {b.ToJsonString()}");
        Assert.Equal(500, (int)a["status"]!);
        Assert.Equal("An unexpected error occurred", (string?)a["title"]);
    }

    [Fact]
    public async Task UnhandledException_ToABrowser_IsTheSameBilingualPage_InBothHosts()
    {
        await using var host = await BrokenStandaloneAsync();
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/form");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");

        using var response = await client.SendAsync(request);
        var standalone = await response.Content.ReadAsStringAsync();
        var functions = await FunctionsAnswerAsync("text/html,application/xhtml+xml,*/*;q=0.8");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Une erreur est survenue", standalone, StringComparison.Ordinal);
        Assert.Contains("Something went wrong", standalone, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/api/form?lang=fr\">", standalone, StringComparison.Ordinal);
        AssertNoDetails(standalone);
        Assert.Equal(standalone, functions.Body);
        Assert.Equal(SecurityHeadersTests.PageHeaders(response), SecurityHeadersTests.PageHeaders(functions.Headers));
    }

    [Fact]
    public async Task AnEmptyStatus_GetsTheSameShapes_NotAnEmptyBody()
    {
        await using var host = await HelpdeskHost.StartAsync();
        using var client = host.Client();

        using var missing = await client.GetAsync(new Uri("/api/nothing-here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Not Found", (string?)JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["title"]);
    }

    [Fact]
    public async Task FunctionsMiddleware_LeavesNonHttpFailuresToTheRuntime()
    {
        var middleware = new HttpErrorMiddleware(NullLogger<HttpErrorMiddleware>.Instance);
        var queueInvocation = new TestFunctionContext("TicketEvents", [("message", "queueTrigger")]);

        // A queue trigger must throw, so that the runtime retries it.
        await Assert.ThrowsAsync<TimeoutException>(() => middleware.Invoke(queueInvocation, _ => throw new TimeoutException(Secret)));
    }

    private static Task<HelpdeskHost> BrokenStandaloneAsync() =>
        HelpdeskHost.StartAsync(configure: b => b.Services.AddSingleton<IOptions<IntakeOptions>>(new BrokenOptions()));

    /// <summary>The same failure, in the Functions app's HTTP pipeline.</summary>
    private static async Task<(int Status, string? ContentType, IHeaderDictionary Headers, string Body)> FunctionsAnswerAsync(string accept)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        http.Request.Path = "/api/form";
        http.Request.Headers.Accept = accept;
        http.Response.Body = new MemoryStream();
        var middleware = new HttpErrorMiddleware(NullLogger<HttpErrorMiddleware>.Instance);

        await middleware.Invoke(new TestFunctionContext("Form", [("request", "httpTrigger")], http), _ => throw new InvalidOperationException(Secret));

        http.Response.Body.Position = 0;
        return (http.Response.StatusCode, http.Response.ContentType?.Split(';')[0], http.Response.Headers, await new StreamReader(http.Response.Body).ReadToEndAsync());
    }

    private static void AssertNoDetails(string body)
    {
        Assert.DoesNotContain("s3cr3t", body, StringComparison.Ordinal);
        Assert.DoesNotContain("10.1.2.3", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Helpdesk.", body, StringComparison.Ordinal);
    }

    private sealed class BrokenOptions : IOptions<IntakeOptions>
    {
        public IntakeOptions Value => throw new InvalidOperationException(Secret);
    }
}
