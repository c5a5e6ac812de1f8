using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.Hosting;

/// <summary>
/// A request body that stalls or trickles ends in 408 within the <c>Helpdesk:Limits</c> of the standalone host, not
/// after Kestrel's averaged minimum rate lets it hang (12 KB minus one byte used to hang 50 s, then answer 500).
/// </summary>
public class RequestBodyTimeoutTests
{
    private static readonly TimeSpan Answered = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task JsonBodyThatStalls_OneByteShort_Gets408ProblemJson_AfterTheIdleTimeout()
    {
        await using var host = await HelpdeskHost.StartAsync(Limits(idle: "00:00:01", total: "00:01:00"));
        await using var raw = await RawHttpClient.ConnectAsync(host.BaseAddress);
        var clock = Stopwatch.StartNew();

        await raw.SendHeadAsync("POST", "/api/tickets", 12 * 1024, "application/json");
        await raw.SendAsync(Encoding.ASCII.GetBytes("{\"description\":\"" + new string('x', 12 * 1024 - 18)));
        using var timeout = new CancellationTokenSource(Answered);
        var response = await raw.ReadResponseAsync(timeout.Token);

        Assert.Equal(408, response.Status);
        Assert.StartsWith("application/problem+json", response.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("Request body timeout", (string?)JsonNode.Parse(response.Body)!["title"]);
        Assert.Equal("close", response.Headers["Connection"]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"answered after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task BrowserFormPostThatStalls_Gets408Page_EvenThoughTheMultipartReaderCatchesTheError()
    {
        await using var host = await HelpdeskHost.StartAsync(Limits(idle: "00:00:01", total: "00:01:00"));
        await using var raw = await RawHttpClient.ConnectAsync(host.BaseAddress);
        const string boundary = "----helpdesk";
        var start = $"--{boundary}\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nMarie Dubois\r\n" +
                    $"--{boundary}\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n";

        await raw.SendHeadAsync("POST", "/api/tickets", 2 * 1024 * 1024, $"multipart/form-data; boundary={boundary}", accept: "text/html");
        await raw.SendAsync(Encoding.ASCII.GetBytes(start + new string('j', 64 * 1024)));
        using var timeout = new CancellationTokenSource(Answered);
        var response = await raw.ReadResponseAsync(timeout.Token);

        Assert.Equal(408, response.Status);
        Assert.StartsWith("text/html", response.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("Envoi interrompu", response.Body, StringComparison.Ordinal);
        Assert.Contains("Upload stopped", response.Body, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers["X-Frame-Options"]);
    }

    [Fact]
    public async Task BodyThatTricklesFastEnoughForTheIdleTimeout_StillEndsAtTheTotalDeadline()
    {
        await using var host = await HelpdeskHost.StartAsync(Limits(idle: "00:00:02", total: "00:00:03", minRate: "1"));
        await using var raw = await RawHttpClient.ConnectAsync(host.BaseAddress);
        var clock = Stopwatch.StartNew();

        await raw.SendHeadAsync("POST", "/api/tickets", 10_000, "application/x-www-form-urlencoded");
        using var timeout = new CancellationTokenSource(Answered);
        var answer = raw.ReadResponseAsync(timeout.Token);
        // The client's own pace (the stimulus), not a wait for the server: one byte every 250 ms until the answer comes.
        while (!answer.IsCompleted && clock.Elapsed < Answered)
        {
            await raw.SendAsync("a"u8.ToArray());
            await Task.WhenAny(answer, Task.Delay(250));
        }

        var response = await answer;
        Assert.Equal(408, response.Status);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task BodyBelowTheMinimumRate_Gets408FromKestrelsLimit()
    {
        // A minimum rate no real client misses, a long idle timeout: only Kestrel's rate can end this one.
        await using var host = await HelpdeskHost.StartAsync(Limits(idle: "00:00:30", total: "00:01:00", minRate: "100000", grace: "00:00:02"));
        await using var raw = await RawHttpClient.ConnectAsync(host.BaseAddress);
        var clock = Stopwatch.StartNew();

        await raw.SendHeadAsync("POST", "/api/tickets", 60_000, "application/json");
        await raw.SendAsync(Encoding.ASCII.GetBytes("{\"description\":\"" + new string('x', 1000)));
        using var timeout = new CancellationTokenSource(Answered);
        var response = await raw.ReadResponseAsync(timeout.Token);

        Assert.Equal(408, response.Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"answered after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task WrongLimits_StopTheHostAtStart_NamingTheSetting()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            HelpdeskHost.StartAsync(Limits(idle: "00:02:00", total: "00:01:00")));

        Assert.Contains("Helpdesk:Limits:RequestBodyIdleTimeout", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Limits(string idle, string total, string? minRate = null, string? grace = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Helpdesk:Limits:RequestBodyIdleTimeout"] = idle,
            ["Helpdesk:Limits:RequestBodyTimeout"] = total,
        };
        if (minRate is not null)
        {
            settings["Helpdesk:Limits:MinRequestBodyDataRate"] = minRate;
        }

        if (grace is not null)
        {
            settings["Helpdesk:Limits:MinRequestBodyDataRateGracePeriod"] = grace;
        }

        return settings;
    }
}
