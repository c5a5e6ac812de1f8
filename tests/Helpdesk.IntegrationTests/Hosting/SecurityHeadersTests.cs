using System.Net.Http.Headers;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Web;
using Helpdesk.Functions.Intake;
using Helpdesk.IntegrationTests.EndToEnd;
using Helpdesk.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.IntegrationTests.Hosting;

/// <summary>Every HTML page of both hosts carries the product's security headers (Core's <c>HtmlPage</c>); JSON answers are nosniff.</summary>
public class SecurityHeadersTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly (string?, string?, string?, string?) Expected =
        ("nosniff", "DENY", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'", "no-referrer");

    [Fact]
    public async Task FormAndConfirmationPages_OfTheStandaloneHost_CarryTheSecurityHeaders()
    {
        using var client = fixture.Host.Client();
        using var form = await client.GetAsync(new Uri("/api/form", UriKind.Relative));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/tickets")
        {
            Content = new FormUrlEncodedContent(IntakeEndToEndTests.FormFields($"csp.{Guid.NewGuid():N}@example.be")),
        };
        post.Headers.Accept.ParseAdd("text/html");
        using var confirmation = await client.SendAsync(post);

        Assert.Equal(System.Net.HttpStatusCode.Created, confirmation.StatusCode);
        Assert.Equal(Expected, PageHeaders(form));
        Assert.Equal(Expected, PageHeaders(confirmation));
    }

    [Fact]
    public async Task FormPage_OfTheFunctionsApp_CarriesTheSameHeaders()
    {
        await using var core = await CoreServices.StartAsync();
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Request.Method = "GET";
        http.Request.Path = "/api/form";
        http.Response.Body = new MemoryStream();

        await new IntakeFunctions(core.Get<IntakeHandler>()).Form(http.Request).ExecuteAsync(http);

        Assert.Equal(200, http.Response.StatusCode);
        Assert.Equal(Expected, PageHeaders(http.Response.Headers));
    }

    [Fact]
    public async Task ThePolicy_AllowsWhatTheFormUses_AndNothingElse()
    {
        using var client = fixture.Host.Client();
        var html = await client.GetStringAsync(new Uri("/api/form", UriKind.Relative));

        // One inline style block (style-src 'unsafe-inline'), a form to this origin (form-action 'self'), nothing to load.
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/{ApiRoutes.Prefix}/{IntakeRoutes.Tickets}?", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task JsonAnswers_OfTheStandaloneHost_AreNosniff()
    {
        using var technician = fixture.Host.TechnicianClient();
        using var queue = await technician.GetAsync(new Uri("/api/queues/L1", UriKind.Relative));
        using var anonymous = fixture.Host.Client();
        using var refused = await anonymous.GetAsync(new Uri("/api/queues/L1", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, queue.StatusCode);
        Assert.Equal("application/json", queue.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["nosniff"], queue.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(["nosniff"], refused.Headers.GetValues("X-Content-Type-Options"));
    }

    internal static (string?, string?, string?, string?) PageHeaders(HttpResponseMessage response) =>
        (One(response.Headers, "X-Content-Type-Options"), One(response.Headers, "X-Frame-Options"),
            One(response.Headers, "Content-Security-Policy"), One(response.Headers, "Referrer-Policy"));

    internal static (string?, string?, string?, string?) PageHeaders(IHeaderDictionary headers) =>
        (headers.XContentTypeOptions.ToString(), headers.XFrameOptions.ToString(), headers.ContentSecurityPolicy.ToString(), headers["Referrer-Policy"].ToString());

    private static string? One(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
