using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Helpdesk.IntegrationTests.EndToEnd;
using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.Intake;

/// <summary>
/// Bodies that cannot be parsed or read, over real Kestrel: always a 4xx problem in our words, never a 500, never the
/// parser's or the server's message, never a .NET type name.
/// </summary>
public class MalformedRequestTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private HelpdeskHost Host => fixture.Host;

    private static readonly string[] LeakMarkers =
    [
        "System.", "Microsoft.", "Helpdesk.", "Exception", "Kestrel", // type names
        "Invalid header line", "Unexpected end", "count limit", "length limit", "Line length", // the multipart parser
        "Bad chunk", "Chunked request", "Request headers too long", "Unexpected end of request content", // Kestrel
    ];

    public static TheoryData<string, string, string> MalformedMultipart => new()
    {
        { "empty part", "--B\r\n--B--\r\n", "a part ends before its headers" },
        { "header without a colon", "--B\r\nContent-Disposition form-data\r\n\r\nx\r\n--B--\r\n", "a part header has no name." },
        { "17 headers", "--B\r\n" + string.Concat(Enumerable.Range(0, 17).Select(i => $"X-H{i}: v\r\n")) + "\r\nx\r\n--B--\r\n", "a part has more than 16 headers." },
        { "header over 16 KB", "--B\r\nX-H: " + new string('a', 17 * 1024) + "\r\n\r\nx\r\n--B--\r\n", "the headers of a part are longer than 16 KB." },
        { "101 characters after a boundary", "--B" + new string(' ', 101) + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n--B--\r\n",
            "more than 100 characters follow a boundary on its line." },
        { "preamble over 16 KB", new string('p', 17 * 1024) + "\r\n--B\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n--B--\r\n",
            "more than 16 KB come before the first boundary." },
        { "no closing boundary", "--B\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nMarie", "it ends before its closing boundary." },
    };

    [Theory]
    [MemberData(nameof(MalformedMultipart))]
    public async Task MalformedMultipart_Gets400_InProductWords(string label, string body, string reason)
    {
        using var client = Host.Client();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=B");

        using var response = await client.PostAsync("/api/tickets", content);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{label}: {(int)response.StatusCode}");
        var detail = json.GetProperty("detail").GetString()!;
        Assert.Equal("The multipart body is malformed: " + reason, detail[..Math.Min(detail.Length, 33 + reason.Length)]);
        AssertNoLeak(json.GetRawText());
    }

    public static TheoryData<string, string, string> BrokenChunkedBodies => new()
    {
        { "bad chunk size", "application/json", "zz\r\n{}\r\n0\r\n\r\n" },
        { "chunk-size overflow", "application/json", "FFFFFFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n" },
        { "40 KB trailer", "application/json", "2\r\n{}\r\n0\r\nX-Trailer: " + new string('t', 40 * 1024) + "\r\n\r\n" },
        { "bad chunk size, urlencoded", "application/x-www-form-urlencoded", "zz\r\nname=x\r\n0\r\n\r\n" },
        { "bad chunk size, multipart", "multipart/form-data; boundary=B", "zz\r\n--B\r\n0\r\n\r\n" },
        { "chunk-size overflow, multipart", "multipart/form-data; boundary=B", "3\r\n--B\r\nFFFFFFFFFFFFFFFFFFFFFFFF\r\n--B\r\n0\r\n\r\n" },
        { "40 KB trailer, urlencoded", "application/x-www-form-urlencoded", "6\r\nname=x\r\n0\r\nX-Trailer: " + new string('t', 40 * 1024) + "\r\n\r\n" },
    };

    [Theory]
    [MemberData(nameof(BrokenChunkedBodies))]
    public async Task BrokenChunkedBody_Gets400_InProductWords(string label, string contentType, string body)
    {
        var response = await RawHttp.SendAsync(Host.BaseAddress, RawHttp.Head("/api/tickets", contentType, "Transfer-Encoding: chunked"),
            Encoding.ASCII.GetBytes(body));

        Assert.True(response.StatusCode == 400, $"{label}: {response.StatusCode} {response.Body}");
        using var json = JsonDocument.Parse(response.Body);
        Assert.StartsWith("The request body could not be read", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        AssertNoLeak(response.Body);
    }

    [Fact]
    public async Task BrokenChunkInsideAnAttachment_Gets400_AndLeavesNoBlob()
    {
        var part = "--B\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n"
            + new string('x', 1000);
        var body = $"{Encoding.ASCII.GetByteCount(part):X}\r\n{part}\r\nzz\r\nxx\r\n0\r\n\r\n";

        var response = await RawHttp.SendAsync(Host.BaseAddress, RawHttp.Head("/api/tickets", "multipart/form-data; boundary=B", "Transfer-Encoding: chunked"),
            Encoding.ASCII.GetBytes(body));

        Assert.Equal(400, response.StatusCode);
        AssertNoLeak(response.Body);
        await foreach (var blob in Host.Storage.Container(Helpdesk.Core.Storage.StorageClients.AttachmentsContainer).GetBlobsAsync())
        {
            Assert.Fail($"blob {blob.Name} left behind");
        }
    }

    [Fact]
    public async Task BodyThatStopsArriving_Gets408()
    {
        // Kestrel's minimum request body data rate (240 bytes/s after a 5 s grace period) ends the wait.
        await using var http = await RawHttp.ConnectAsync(Host.BaseAddress);
        await http.WriteAsync(RawHttp.Head("/api/tickets", "application/json", "Content-Length: 500"));
        await http.WriteAsync("{\"name\":\"Marie\"");

        var response = await http.ReadResponseAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(408, response.StatusCode);
        using var json = JsonDocument.Parse(response.Body);
        Assert.StartsWith("The request body did not arrive in time", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        AssertNoLeak(response.Body);
    }

    [Theory]
    [InlineData("{\"name\":\"Marie\",\"impact\":5}", "The field 'impact' must be a string.")]
    [InlineData("{\"name\":\"Marie\",\"impact\":{\"a\":1}}", "The field 'impact' must be a string.")]
    [InlineData("{\"name\": \"Mar", "The JSON body is not valid at line 1, position 14.")]
    [InlineData("{\"name\":\n  tru}", "The JSON body is not valid at line 2, position 6.")]
    [InlineData("[1,2]", "The JSON body must be an object of fields, such as {\"name\": \"...\", \"email\": \"...\"}.")]
    [InlineData("  ", "The JSON body is empty.")]
    public async Task BadJson_Gets400_WithoutTypeNames(string body, string detail)
    {
        using var client = Host.Client();
        using var response = await client.PostAsync("/api/tickets", new StringContent(body, Encoding.UTF8, "application/json"));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(detail, json.GetProperty("detail").GetString());
        AssertNoLeak(json.GetRawText());
    }

    [Fact]
    public async Task JsonFieldSentTwice_IsAFieldError()
    {
        using var client = Host.Client();
        var fields = IntakeEndToEndTests.FormFields($"marie.{Guid.NewGuid():N}@example.be");
        var body = JsonSerializer.Serialize(fields)[..^1] + ",\"Category\":\"software\"}";

        using var response = await client.PostAsync("/api/tickets", new StringContent(body, Encoding.UTF8, "application/json"));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Choisissez une des options proposées.", json.GetProperty("errors").GetProperty("category")[0].GetString());
    }

    private static void AssertNoLeak(string body)
    {
        foreach (var marker in LeakMarkers)
        {
            Assert.DoesNotContain(marker, body, StringComparison.OrdinalIgnoreCase);
        }
    }
}
