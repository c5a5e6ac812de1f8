using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.EndToEnd;

/// <summary>The requester side over HTTP on the standalone host: form, creation in every format, limits, acknowledgment mail.</summary>
public class IntakeEndToEndTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private HelpdeskHost Host => fixture.Host;

    internal static Dictionary<string, string> FormFields(string email, string subject = "Écran noir") => new()
    {
        ["name"] = "Marie Dubois",
        ["email"] = email,
        ["subject"] = subject,
        ["description"] = "Mon écran reste noir depuis ce matin.",
        ["category"] = "hardware",
        ["impact"] = "individual",
        ["canWork"] = "no",
        ["lang"] = "fr",
    };

    private static string NewEmail() => $"marie.{Guid.NewGuid():N}@example.be";

    [Theory]
    [InlineData("fr", null, "Signaler un problème informatique")]
    [InlineData(null, "en-GB,en;q=0.9", "Report an IT problem")]
    [InlineData(null, "nl-BE,fr;q=0.8", "Signaler un problème informatique")]
    [InlineData("en", "fr-BE", "Report an IT problem")]
    public async Task Form_IsServedInTheRequestersLanguage(string? lang, string? acceptLanguage, string title)
    {
        using var client = Host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/form" + (lang is null ? "" : "?lang=" + lang));
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrowserFormPost_ShowsTheNumber_AndTheAcknowledgmentArrivesByMail()
    {
        var email = NewEmail();
        using var client = Host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = new FormUrlEncodedContent(FormFields(email)) };
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = NumberOf(html);
        Assert.Contains($"Demande #{number} enregistrée", html, StringComparison.Ordinal);

        var mail = await Host.Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(b => b.Address == email), TimeSpan.FromSeconds(20));
        Assert.Equal($"[#{number}] Demande reçue : Écran noir", mail.Subject);
        Assert.Contains($"Elle porte le numéro #{number}", mail.TextBody, StringComparison.Ordinal);
        // An answer to the requester's own request (RFC 3834); later notifications are auto-generated.
        Assert.Equal("auto-replied", mail.Headers["Auto-Submitted"]);
        // Signed, so that a reply threads back to this ticket and nobody can forge one for another.
        Assert.Matches($"^helpdesk\\.{number}\\.ack\\.[0-9a-f]{{20}}@helpdesk\\.test$", mail.MessageId);
        Assert.Matches($"^support\\+{number}\\.[0-9a-f]{{20}}@helpdesk\\.test$", mail.ReplyTo.Mailboxes.Single().Address);

        // Every outbound mail is on the ticket's timeline.
        using var tech = Host.TechnicianClient();
        var timeline = await WaitForTimelineAsync(tech, number, "email-sent");
        Assert.Contains(timeline, e => e.GetProperty("kind").GetString() == "created");
    }

    [Fact]
    public async Task JsonPost_Returns201WithLocationAndTheContract()
    {
        using var client = Host.Client();
        var body = FormFields(NewEmail()).ToDictionary(kv => kv.Key, kv => (object)kv.Value);
        body["impact"] = "organization";
        body["canWork"] = "no";

        using var response = await client.PostAsJsonAsync("/api/tickets", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = json.GetProperty("number").GetInt32();
        Assert.Equal($"http://helpdesk.test/api/tickets/{number}", response.Headers.Location!.ToString());
        Assert.Equal("new", json.GetProperty("status").GetString());
        Assert.Equal("P1", json.GetProperty("priority").GetString());
        Assert.Equal("L1", json.GetProperty("level").GetString());
        Assert.Equal($"http://helpdesk.test/api/tickets/{number}", json.GetProperty("url").GetString());
    }

    [Fact]
    public async Task InvalidJson_Gets400ProblemListingEachField()
    {
        using var client = Host.Client();
        using var response = await client.PostAsJsonAsync("/api/tickets", new { name = "", email = "not-an-email", category = "coffee" });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = json.GetProperty("errors");
        foreach (var field in new[] { "name", "email", "subject", "description", "category", "impact", "canWork" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }
    }

    [Fact]
    public async Task InvalidBrowserPost_ReRendersTheFormWithTheUsersTextAndAMessagePerField()
    {
        var fields = FormFields(NewEmail());
        fields["email"] = "marie@";
        fields["subject"] = "Écran <b>noir</b>";
        using var client = Host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Le formulaire contient des erreurs", html, StringComparison.Ordinal);
        Assert.Contains("id=\"email-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Écran &lt;b&gt;noir&lt;/b&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("Mon écran reste noir depuis ce matin.</textarea>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherContentType_Gets415()
    {
        using var client = Host.Client();
        using var response = await client.PostAsync("/api/tickets", new StringContent("<ticket/>", Encoding.UTF8, "application/xml"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task OversizedBody_Gets413()
    {
        using var client = Host.Client();
        var fields = FormFields(NewEmail());
        fields["description"] = new string('x', 70 * 1024);

        using var response = await client.PostAsync("/api/tickets", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ChunkedOversizedJson_Gets413_WhileStreaming()
    {
        using var client = Host.Client();
        var big = "{\"description\":\"" + new string('x', 100 * 1024) + "\"}";
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Multipart_WithAttachment_StoresTheBlobAndReferencesIt()
    {
        using var client = Host.Client();
        using var form = Multipart(FormFields(NewEmail()));
        var png = new ByteArrayContent(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4 });
        png.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(png, "attachments", "écran.png");

        using var response = await client.PostAsync("/api/tickets", form);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        using var tech = Host.TechnicianClient();
        var ticket = await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{json.GetProperty("number").GetInt32()}");
        var attachment = Assert.Single(ticket.GetProperty("attachments").EnumerateArray());
        Assert.Equal("écran.png", attachment.GetProperty("fileName").GetString());
        Assert.Equal(12, attachment.GetProperty("length").GetInt64());
        Assert.Equal("image/png", attachment.GetProperty("contentType").GetString());
        var container = Host.Storage.Container(Helpdesk.Core.Storage.StorageClients.AttachmentsContainer);
        var blobs = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            blobs.Add(blob.Name);
        }

        Assert.Contains(blobs, b => b.EndsWith("/0-_cran.png", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Multipart_ExecutableAttachment_IsRefusedBesideTheField()
    {
        using var client = Host.Client();
        using var form = Multipart(FormFields(NewEmail()));
        form.Add(new ByteArrayContent([0x4D, 0x5A]) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-msdownload") } }, "attachments", "setup.exe");

        using var response = await client.PostAsync("/api/tickets", form);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("setup.exe", json.GetProperty("errors").GetProperty("attachments")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Multipart_TooManyAttachments_IsRefused()
    {
        using var client = Host.Client();
        using var form = Multipart(FormFields(NewEmail()));
        for (var i = 0; i < 6; i++)
        {
            form.Add(new ByteArrayContent([1, 2, 3]) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "attachments", $"log{i}.txt");
        }

        using var response = await client.PostAsync("/api/tickets", form);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("5", json.GetProperty("errors").GetProperty("attachments")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Multipart_AttachmentOverTheSizeLimit_Gets413_AndNothingIsStored()
    {
        await using var host = await HelpdeskHost.StartAsync(new Dictionary<string, string?> { ["Helpdesk:Intake:MaxAttachmentBytes"] = "1024" });
        using var client = host.Client();
        using var form = Multipart(FormFields(NewEmail()));
        form.Add(new ByteArrayContent([.. "%PDF-1.7\n"u8, .. new byte[4096]]) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "attachments", "scan.pdf");

        using var response = await client.PostAsync("/api/tickets", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var container = host.Storage.Container(Helpdesk.Core.Storage.StorageClients.AttachmentsContainer);
        await foreach (var blob in container.GetBlobsAsync())
        {
            Assert.Fail($"blob {blob.Name} left behind");
        }

        var page = await host.Get<LevelQueues>().ListAsync(SupportLevel.L1, 10, null, default);
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task IdempotencyKey_RetriedPost_ReturnsTheFirstTicket()
    {
        using var client = Host.Client();
        var body = FormFields(NewEmail());
        var key = Guid.NewGuid().ToString();

        async Task<(HttpStatusCode, int)> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (response.StatusCode, json.GetProperty("number").GetInt32());
        }

        var first = await PostAsync();
        var second = await PostAsync();

        Assert.Equal(HttpStatusCode.Created, first.Item1);
        Assert.Equal(HttpStatusCode.OK, second.Item1);
        Assert.Equal(first.Item2, second.Item2);
    }

    [Fact]
    public async Task FormToken_MakesADoubleSubmitCreateOneTicket()
    {
        using var client = Host.Client();
        var page = await client.GetStringAsync("/api/form");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"formToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var fields = FormFields(NewEmail());
        fields["formToken"] = token;

        var numbers = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = new FormUrlEncodedContent(fields) };
            request.Headers.Accept.ParseAdd("text/html");
            using var response = await client.SendAsync(request);
            numbers.Add(NumberOf(await response.Content.ReadAsStringAsync()));
        }

        Assert.Equal(numbers[0], numbers[1]);
    }

    [Fact]
    public async Task Honeypot_QuietlyDropsTheSubmission()
    {
        var email = NewEmail();
        var fields = FormFields(email);
        fields["website"] = "http://spam.example";
        using var client = Host.Client();

        using var response = await client.PostAsync("/api/tickets", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await Host.Get<RequesterIndex>().TicketsAsync(email, 10, default));
    }

    internal static int NumberOf(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "data-number=\"(\\d+)\"");
        Assert.True(match.Success, "no ticket number in the page");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    internal static async Task<List<JsonElement>> WaitForTimelineAsync(HttpClient tech, int number, string kind)
    {
        var timeline = new List<JsonElement>();
        await Poll.UntilAsync(async () =>
        {
            var ticket = await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}");
            timeline = [.. ticket.GetProperty("timeline").EnumerateArray()];
            return timeline.Any(e => e.GetProperty("kind").GetString() == kind);
        }, TimeSpan.FromSeconds(20), $"'{kind}' on the timeline of #{number}", TimeSpan.FromMilliseconds(100));
        return timeline;
    }

    private static MultipartFormDataContent Multipart(Dictionary<string, string> fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        return form;
    }
}
