using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs.Models;
using Helpdesk.Core.Conversation;
using Helpdesk.Core.Storage;
using Helpdesk.IntegrationTests.EndToEnd;
using Helpdesk.IntegrationTests.Infrastructure;
using static Helpdesk.IntegrationTests.Conversation.ConversationSteps;

namespace Helpdesk.IntegrationTests.Conversation;

/// <summary>Files added from the status page on the standalone host: recorded once, seen by technicians, the clock resumed.</summary>
public partial class StatusUploadTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private HelpdeskHost Host => fixture.Host;

    [Fact]
    public async Task FilesFromTheStatusPage_AreOnTheTicketOnce_EvenWhenTheFormIsSentAgain_AndAWaitingTicketResumes()
    {
        var email = NewEmail("files");
        var number = await CreateAsync(Host, email, lang: "en");
        using var tech = Host.TechnicianClient();
        await ActAsync(tech, number, "acknowledge", new { actor = "alice" });
        await ActAsync(tech, number, "wait", new { actor = "alice", on = "requester", question = "Can you send a screenshot?" });
        var path = StatusPath(await MailAsync(Host, email, "question-"));
        Assert.Contains("attach a file", (await MailAsync(Host, email, "question-")).TextBody, StringComparison.Ordinal);
        using var client = NoRedirectClient();
        var page = await client.GetStringAsync(path);
        Assert.Contains("enctype=\"multipart/form-data\"", page, StringComparison.Ordinal);
        var token = FormTokenOf(page);
        var before = await BlobCountAsync(Host); // other tests of this class may have stored files before

        using var first = await client.PostAsync(path, Upload(token, Png("screen.png"), Text("app.log", "error 42\n")));
        using var again = await client.PostAsync(path, Upload(token, Png("screen.png"), Text("app.log", "error 42\n")));

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.EndsWith("&done=attach", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        var ticket = await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}");
        Assert.Equal(["screen.png", "app.log"], ticket.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("fileName").GetString()));
        Assert.Equal("in-progress", ticket.GetProperty("status").GetString());
        var attached = ticket.GetProperty("timeline").EnumerateArray().Where(l => l.GetProperty("kind").GetString() == "attached").ToList();
        var line = Assert.Single(attached);
        Assert.Equal("public", line.GetProperty("visibility").GetString());
        Assert.Equal(email, line.GetProperty("actor").GetString());
        // Only the first post's two files are stored: the second post's copies were deleted.
        Assert.Equal(before + 2, await BlobCountAsync(Host));

        var after = await client.GetStringAsync(path + "?done=attach");
        Assert.Contains("your files were added", after, StringComparison.Ordinal);
        Assert.True(after.Contains("<li>screen.png (600 B)</li>", StringComparison.Ordinal), after);
        Assert.Contains("Files added", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileBeforeAValidFormToken_Is403_AndNothingIsStored()
    {
        var email = NewEmail("forged-files");
        var number = await CreateAsync(Host, email, lang: "en");
        var path = "/api/status/" + Host.Get<StatusLinks>().Token(number, email, DateTimeOffset.UtcNow);
        var before = await BlobCountAsync(Host);
        using var client = NoRedirectClient();

        using var response = await client.PostAsync(path, Upload("1700000000.00112233445566778899aabbccddeeff", Png("x.png")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Reload it and try again", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await BlobCountAsync(Host));
        Assert.Empty((await Host.Get<Helpdesk.Core.Tickets.TicketStore>().GetAsync(number, default))!.Ticket.Attachments);
    }

    [Fact]
    public async Task MarkupInAFileName_StaysTextOnThePage()
    {
        var email = NewEmail("file-xss");
        var number = await CreateAsync(Host, email, lang: "en");
        var path = "/api/status/" + Host.Get<StatusLinks>().Token(number, email, DateTimeOffset.UtcNow);
        using var client = NoRedirectClient();
        var token = FormTokenOf(await client.GetStringAsync(path));

        using (var posted = await client.PostAsync(path, Upload(token, Png("<img src=x onerror=alert(1)>.png"))))
        {
            Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        }

        var page = await client.GetStringAsync(path);
        Assert.DoesNotContain("<img", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;.png", page, StringComparison.Ordinal);
    }

    internal static MultipartFormDataContent Upload(string formToken, params (string Name, string Type, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(StatusHandler.AttachAction), "action" },
            { new StringContent(formToken), "formToken" },
        };
        foreach (var (name, type, bytes) in files)
        {
            form.Add(new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(type) } }, "files", name);
        }

        return form;
    }

    internal static (string, string, byte[]) Png(string name, int size = 600) =>
        (name, "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[size - 8]]);

    internal static (string, string, byte[]) Text(string name, string text) => (name, "text/plain", System.Text.Encoding.UTF8.GetBytes(text));

    internal static async Task<int> BlobCountAsync(HelpdeskHost host)
    {
        var count = 0;
        await foreach (var _ in host.Storage.Container(StorageClients.AttachmentsContainer).GetBlobsAsync(new GetBlobsOptions()))
        {
            count++;
        }

        return count;
    }

    internal static string FormTokenOf(string page) => FormToken().Match(page).Groups[1].Value;

    private HttpClient NoRedirectClient() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };

    [GeneratedRegex("name=\"formToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
