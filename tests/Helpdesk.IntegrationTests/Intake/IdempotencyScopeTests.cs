using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.Core.Storage;
using Helpdesk.IntegrationTests.EndToEnd;
using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.Intake;

/// <summary>An Idempotency-Key belongs to the tenant, not to a requester, and covers the files' content.</summary>
public class IdempotencyScopeTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private HelpdeskHost Host => fixture.Host;

    [Fact]
    public async Task SameKey_FromAnotherRequester_Gets422()
    {
        var key = Guid.NewGuid().ToString();
        using var client = Host.Client();

        using var first = await PostJsonAsync(client, key, AttachmentIntakeTests.NewEmail());
        using var second = await PostJsonAsync(client, key, AttachmentIntakeTests.NewEmail());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        var detail = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.DoesNotContain("#", detail, StringComparison.Ordinal); // somebody else's ticket is not named
    }

    [Fact]
    public async Task SameKey_SameFieldsButDifferentFileContent_Gets422_AndTheSecondUploadIsDeleted()
    {
        var key = Guid.NewGuid().ToString();
        var email = AttachmentIntakeTests.NewEmail();
        using var client = Host.Client();

        using var first = await PostMultipartAsync(client, key, email, [.. AttachmentIntakeTests.Pdf, .. "first"u8]);
        var afterFirst = await BlobsAsync();
        using var second = await PostMultipartAsync(client, key, email, [.. AttachmentIntakeTests.Pdf, .. "other"u8]);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal(afterFirst, await BlobsAsync());
    }

    [Fact]
    public async Task SameKey_SameFieldsAndFile_ReplaysTheFirstTicket_AndKeepsOneCopy()
    {
        var key = Guid.NewGuid().ToString();
        var email = AttachmentIntakeTests.NewEmail();
        using var client = Host.Client();

        using var first = await PostMultipartAsync(client, key, email, [.. AttachmentIntakeTests.Pdf, .. "same"u8]);
        var afterFirst = await BlobsAsync();
        using var second = await PostMultipartAsync(client, key, email, [.. AttachmentIntakeTests.Pdf, .. "same"u8]);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(afterFirst, await BlobsAsync());
    }

    private static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string key, string email)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(IntakeEndToEndTests.FormFields(email)) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string key, string email, byte[] file)
    {
        var form = AttachmentIntakeTests.Form(email);
        form.Add(new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "attachments", "scan.pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = form };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
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
}
