using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Helpdesk.Core.Storage;
using Helpdesk.IntegrationTests.EndToEnd;
using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.Intake;

/// <summary>
/// Attachments over HTTP: content checked against the extension by its first bytes, display names sanitised, and no
/// blob left behind by a request that does not end in a ticket. Tests of one class run one after the other, so each
/// compares the container before and after its request.
/// </summary>
public class AttachmentIntakeTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private HelpdeskHost Host => fixture.Host;

    internal static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    internal static readonly byte[] Pdf = [.. "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n"u8];

    public static TheoryData<string, string, byte[]> Impostors => new()
    {
        { "evil.pdf", "application/pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00] },                 // a Windows executable
        { "logo.png", "image/png", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>") },
        { "page.png", "image/png", Encoding.UTF8.GetBytes("<!doctype html><html><body>hi</body></html>") },
        { "notes.txt", "text/plain", Encoding.UTF8.GetBytes("\uFEFF  <html><script>alert(1)</script></html>") },
        { "binary.txt", "text/plain", [0x68, 0x69, 0x00, 0x01] },                                           // NUL
        { "latin1.log", "text/plain", [0x63, 0x61, 0x66, 0xE9, 0x0A] },                                     // "café" in Latin-1
        { "report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Pdf },  // not a ZIP
        { "mail.msg", "application/vnd.ms-outlook", [.. "PK\x03\x04"u8] },                                   // not OLE
        { "photo.webp", "image/webp", [.. "RIFF\x10\0\0\0WAVEfmt "u8] },                                     // RIFF but not WebP
        { "scan.pdf", "image/png", Pdf },                                                                    // declared type disagrees
        { "empty.png", "image/png", [] },
    };

    [Theory]
    [MemberData(nameof(Impostors))]
    public async Task ContentThatIsNotWhatTheExtensionSays_IsRefusedBesideTheField(string fileName, string contentType, byte[] content)
    {
        var before = await BlobsAsync();
        using var client = Host.Client();
        using var form = Form(NewEmail());
        form.Add(new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } }, "attachments", fileName);

        using var response = await client.PostAsync("/api/tickets", form);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(fileName, json.GetProperty("errors").GetProperty("attachments")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await BlobsAsync());
    }

    public static TheoryData<string, string, byte[]> Genuine => new()
    {
        { "scan.pdf", "application/pdf", Pdf },
        { "photo.jpg", "image/jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46] },
        { "anim.gif", "image/gif", [.. "GIF89a\x01\0\x01\0"u8] },
        { "photo.webp", "image/webp", [.. "RIFF\x10\0\0\0WEBPVP8 "u8] },
        { "report.docx", "application/octet-stream", [.. "PK\x03\x04\x14\0\x06\0"u8] },
        { "mail.msg", "application/vnd.ms-outlook", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0] },
        { "journal.log", "text/plain", Encoding.UTF8.GetBytes("Erreur réseau à 09:12 — câble débranché ✓\n") },
        { "export.csv", "application/vnd.ms-excel", Encoding.UTF8.GetBytes("poste;état\nPC-0042;en panne\n") },
        { "message.eml", "message/rfc822", Encoding.UTF8.GetBytes("From: marie@example.be\r\nSubject: test\r\n\r\nBonjour\r\n") },
    };

    [Theory]
    [MemberData(nameof(Genuine))]
    public async Task GenuineFiles_AreStoredWithTheTypeOfTheirExtension(string fileName, string contentType, byte[] content)
    {
        using var client = Host.Client();
        using var form = Form(NewEmail());
        form.Add(new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } }, "attachments", fileName);

        using var response = await client.PostAsync("/api/tickets", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var attachment = Assert.Single((await TicketAsync(response)).GetProperty("attachments").EnumerateArray());
        Assert.Equal(fileName, attachment.GetProperty("fileName").GetString());
        Assert.Equal(content.Length, attachment.GetProperty("length").GetInt64());
        Assert.NotEqual("application/octet-stream", attachment.GetProperty("contentType").GetString());
    }

    [Theory]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("C:\\Users\\marie\\Desktop\\journal.txt", "journal.txt")]
    [InlineData("jour\u0000nal\u0007.txt", "journal.txt")]
    [InlineData("fichier\u202Etxt.exe.txt", "fichiertxt.exe.txt")]
    [InlineData("   .txt", ".txt")]
    [InlineData("journal.txt. . .", "journal.txt")]
    public async Task DisplayNames_AreSanitised(string sent, string stored)
    {
        var fileName = await StoredNameAsync(sent);

        Assert.Equal(stored, fileName);
    }

    [Fact]
    public async Task LongDisplayNames_KeepTheirExtension_WithinOneHundredCharacters()
    {
        var fileName = await StoredNameAsync(new string('é', 300) + ".txt");

        Assert.Equal(100, fileName.Length);
        Assert.EndsWith("éé.txt", fileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FieldErrors_DeleteTheStoredUploads()
    {
        var before = await BlobsAsync();
        using var client = Host.Client();
        using var form = Form("not-an-address");
        form.Add(new ByteArrayContent(Png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "attachments", "a.png");
        form.Add(new ByteArrayContent(Pdf) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "attachments", "b.pdf");

        using var response = await client.PostAsync("/api/tickets", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await BlobsAsync());
    }

    [Fact]
    public async Task Honeypot_DeletesTheStoredUploads()
    {
        var before = await BlobsAsync();
        using var client = Host.Client();
        using var form = Form(NewEmail());
        form.Add(new StringContent("http://spam.example"), "website");
        form.Add(new ByteArrayContent(Png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "attachments", "a.png");

        using var response = await client.PostAsync("/api/tickets", form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(before, await BlobsAsync());
    }

    [Fact]
    public async Task MalformedAfterAStoredFile_DeletesIt()
    {
        var before = await BlobsAsync();
        var body = new MemoryStream();
        body.Write("--B\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"u8);
        body.Write(Png);
        body.Write("\r\n--B\r\nContent-Disposition form-data\r\n\r\nx\r\n--B--\r\n"u8);
        using var client = Host.Client();
        using var content = new ByteArrayContent(body.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=B");

        using var response = await client.PostAsync("/api/tickets", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await BlobsAsync());
    }

    [Fact]
    public async Task ClientDisconnectingMidUpload_LeavesNoBlob()
    {
        var before = await BlobsAsync();
        var first = new MemoryStream();
        foreach (var (name, value) in IntakeEndToEndTests.FormFields(NewEmail()))
        {
            first.Write(Encoding.UTF8.GetBytes($"--B\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"));
        }

        first.Write("--B\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"u8);
        first.Write(Png);
        first.Write("\r\n--B\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"big.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"u8);
        first.Write(Pdf);
        first.Write(new byte[256 * 1024]);

        await using (var http = await RawHttp.ConnectAsync(Host.BaseAddress))
        {
            await http.WriteAsync(RawHttp.Head("/api/tickets", "multipart/form-data; boundary=B", "Content-Length: 5000000"));
            await http.WriteAsync(first.ToArray());
            // The first file is stored, the second is streaming when the client goes away.
            await Poll.UntilAsync(async () => (await BlobsAsync()).Except(before).Any(), TimeSpan.FromSeconds(20), "the first upload stored");
        }

        await Poll.UntilAsync(async () => (await BlobsAsync()).SequenceEqual(before), TimeSpan.FromSeconds(30), "the uploads of the aborted request deleted");
    }

    private async Task<string> StoredNameAsync(string sent)
    {
        using var client = Host.Client();
        using var form = Form(NewEmail());
        var file = new ByteArrayContent("journal"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        // Raw header: the name exactly as a hostile client would send it (RFC 5987 encoding keeps control characters).
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"attachments\"; filename*=UTF-8''{Uri.EscapeDataString(sent)}");
        form.Add(file);

        using var response = await client.PostAsync("/api/tickets", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var attachment = Assert.Single((await TicketAsync(response)).GetProperty("attachments").EnumerateArray());
        return attachment.GetProperty("fileName").GetString()!;
    }

    private async Task<JsonElement> TicketAsync(HttpResponseMessage created)
    {
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();
        using var tech = Host.TechnicianClient();
        return await tech.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}");
    }

    private async Task<List<string>> BlobsAsync()
    {
        var names = new List<string>();
        await foreach (var blob in Host.Storage.Container(StorageClients.AttachmentsContainer).GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return [.. names.Order(StringComparer.Ordinal)];
    }

    internal static MultipartFormDataContent Form(string email)
    {
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in IntakeEndToEndTests.FormFields(email))
        {
            form.Add(new StringContent(value), key);
        }

        return form;
    }

    internal static string NewEmail() => $"marie.{Guid.NewGuid():N}@example.be";
}
