using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Helpdesk.IntegrationTests.EndToEnd;
using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.Hosting;

/// <summary>The public routes' abuse limits on the standalone host (<c>Helpdesk:RateLimits</c>), per client address.</summary>
public class RateLimitTests
{
    private static readonly Dictionary<string, string?> LowLimits = new()
    {
        ["Helpdesk:RateLimits:TicketPosts"] = "2",
        ["Helpdesk:RateLimits:FormGets"] = "3",
        ["Helpdesk:RateLimits:Window"] = "00:10:00",
    };

    [Fact]
    public async Task TicketPostsOverTheLimit_Get429WithRetryAfter_AsProblemJsonOrPage()
    {
        await using var host = await HelpdeskHost.StartAsync(LowLimits);
        using var client = host.Client();

        for (var i = 0; i < 2; i++)
        {
            using var accepted = await client.PostAsJsonAsync("/api/tickets", IntakeEndToEndTests.FormFields($"rate.{Guid.NewGuid():N}@example.be"));
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }

        using var refused = await client.PostAsJsonAsync("/api/tickets", IntakeEndToEndTests.FormFields($"rate.{Guid.NewGuid():N}@example.be"));
        using var browser = new HttpRequestMessage(HttpMethod.Post, "/api/tickets")
        {
            Content = new FormUrlEncodedContent(IntakeEndToEndTests.FormFields($"rate.{Guid.NewGuid():N}@example.be")),
        };
        browser.Headers.Accept.ParseAdd("text/html");
        using var page = await client.SendAsync(browser);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal((429, "Too many requests"), ((int)problem["status"]!, (string?)problem["title"]));
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Trop de demandes", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(page.Headers.RetryAfter);
    }

    [Fact]
    public async Task FormGets_AreLimitedPerAddress_WhateverTheSpellingOfThePath()
    {
        await using var host = await HelpdeskHost.StartAsync(LowLimits);
        using var client = host.Client();
        using var other = ClientFrom(host.BaseAddress, IPAddress.Parse("127.0.0.2"));

        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { "/api/form", "/api/form/", "/API/Form?lang=en", "/api/form" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        using var fromElsewhere = await other.GetAsync(new Uri("/api/form", UriKind.Relative));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, fromElsewhere.StatusCode);
    }

    [Fact]
    public async Task TechnicianRoutes_AreNotLimited()
    {
        await using var host = await HelpdeskHost.StartAsync(LowLimits);
        using var technician = host.TechnicianClient();

        for (var i = 0; i < 12; i++)
        {
            using var response = await technician.GetAsync(new Uri("/api/queues/L1", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>A client whose connections come from another loopback address (Linux routes all of 127.0.0.0/8 locally).</summary>
    private static HttpClient ClientFrom(Uri baseAddress, IPAddress source) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = baseAddress };
}
