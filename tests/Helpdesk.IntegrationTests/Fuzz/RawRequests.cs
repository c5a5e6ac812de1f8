using System.Globalization;
using System.Text;

namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>
/// Requests HttpClient cannot send, written byte for byte: broken chunked framing (bad or overflowing chunk sizes,
/// a 40 KB trailer), contradictory or invalid lengths, odd paths, control characters in headers, and uploads the
/// client abandons half-way.
/// </summary>
public static class RawRequests
{
    private const string Chunked = "chunked";

    public static FuzzRequest Create(FuzzContext ctx)
    {
        var t = ctx.Text;
        var (path, headers, payload) = Target(ctx);
        switch (t.Next(16))
        {
            case 0:
            case 1:
                return Send(ctx, "raw.chunk-size-not-hex", path, headers, Chunked, t.Pick("zz\r\n{}\r\n0\r\n\r\n", "-2\r\n{}\r\n0\r\n\r\n", "0x2\r\n{}\r\n0\r\n\r\n", " \r\n{}\r\n0\r\n\r\n"));
            case 2:
                return Send(ctx, "raw.chunk-size-overflow", path, headers, Chunked, t.Pick("FFFFFFFFFFFFFFFFFFFFFFFF", "10000000000000000", "7FFFFFFFFFFFFFFF", "FFFFFFFF") + "\r\n{}\r\n0\r\n\r\n");
            case 3:
            case 4:
                return Send(ctx, "raw.chunk-trailer-40kb", path, headers, Chunked,
                    Chunk(payload) + "0\r\nX-Trailer: " + new string('a', 40 * 1024) + "\r\n\r\n");
            case 5:
                return Send(ctx, "raw.chunk-length-mismatch", path, headers, Chunked, t.Pick("5\r\n{}\r\n0\r\n\r\n", "1\r\n{}\r\n0\r\n\r\n", "2\r\n{}0\r\n\r\n"));
            case 6:
                return Send(ctx, "raw.chunk-extension-long", path, headers, Chunked,
                    payload.Length.ToString("x", CultureInfo.InvariantCulture) + ";" + new string('x', t.Pick(100, 5000, 40_000)) + "\r\n" + payload + "\r\n0\r\n\r\n");
            case 7:
                return Send(ctx, "raw.chunked-valid", path, headers, Chunked, string.Concat(Split(t, payload).Select(Chunk)) + "0\r\n\r\n");
            case 8:
                return ChunkedUploadThenBroken(ctx);
            case 9:
                return ctx.Raw("raw.length-and-chunked", "POST", path,
                    [.. headers, ("Content-Length", Utf8Length(payload)), ("Transfer-Encoding", Chunked)], Encoding.UTF8.GetBytes(Chunk(payload) + "0\r\n\r\n"));
            case 10:
                return ctx.Raw("raw.content-length-invalid", "POST", path,
                    [.. headers, ("Content-Length", t.Pick("abc", "-1", "1, 2", "2 2", "99999999999999999999", "0x10", "+2", ""))], Encoding.UTF8.GetBytes(payload));
            case 11:
                return ctx.Raw("raw.transfer-encoding-odd", "POST", path,
                    [.. headers, ("Transfer-Encoding", t.Pick("gzip, chunked", "chunked, gzip", "identity", "CHUNKED", "chunked;q=1", "xchunked"))], Encoding.UTF8.GetBytes(Chunk(payload) + "0\r\n\r\n"));
            case 12:
                return ctx.Raw("raw.header-control-character", "POST", path,
                    [.. headers, (t.Pick("Idempotency-Key", "X-Helpdesk-Actor", "Accept-Language", "User-Agent"), t.Pick("a\u0001b", "a\u007Fb", "a\0b", "\u001B[2J")),
                        ("Content-Length", Utf8Length(payload))], Encoding.UTF8.GetBytes(payload));
            case 13:
                return OddPath(ctx);
            default:
                return AbandonedUpload(ctx);
        }
    }

    /// <summary>Where a body goes: ticket creation (JSON) or an action (JSON, with the key).</summary>
    private static (string Path, List<(string Name, string Value)> Headers, string Payload) Target(FuzzContext ctx)
    {
        var t = ctx.Text;
        if (t.Chance(0.5))
        {
            return ("/api/tickets", [("Content-Type", "application/json")], JsonText.Strings(TicketFields.Valid(t, ctx.Index)));
        }

        var action = t.Pick(ActionRequests.Actions);
        return ($"/api/tickets/{ctx.TicketNumber()}/{action}",
            [(FuzzContext.ApiKeyHeader, ctx.Target.ApiKey), ("Content-Type", "application/json")],
            "{\"actor\":\"alice\",\"text\":\"raw\",\"assignee\":\"bob\",\"on\":\"requester\",\"resolution\":\"ok\",\"priority\":\"P2\"}");
    }

    private static FuzzRequest Send(FuzzContext ctx, string @case, string path, List<(string Name, string Value)> headers, string transferEncoding, string body) =>
        ctx.Raw(@case, "POST", path, [.. headers, ("Transfer-Encoding", transferEncoding)], Encoding.UTF8.GetBytes(body));

    /// <summary>A multipart upload whose first file goes through, then the chunk framing breaks: the file must not stay behind.</summary>
    private static FuzzRequest ChunkedUploadThenBroken(FuzzContext ctx)
    {
        var t = ctx.Text;
        var trace = ctx.Index.ToString(CultureInfo.InvariantCulture);
        var writer = new MultipartWriter("rawB" + t.Letters(10)).Fields(TicketFields.Valid(t, ctx.Index))
            .File("attachments", MultipartBodies.Name(trace, 1, "scan.pdf"), "application/pdf", [.. "%PDF-1.7\n"u8, .. t.Bytes(t.Next(100, 3000))]);
        var form = writer.Close().ToArray();
        var cut = form.Length - t.Next(10, 60);
        byte[] body =
        [
            .. Encoding.ASCII.GetBytes(cut.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), .. form[..cut], .. "\r\n"u8,
            .. Encoding.ASCII.GetBytes(t.Pick("zz\r\n", "FFFFFFFFFFFFFFFFFFFF\r\n", "0\r\nX-Trailer: " + new string('a', 40 * 1024) + "\r\n\r\n")),
        ];
        return ctx.Raw("raw.chunked-upload-then-broken", "POST", "/api/tickets",
            [("Content-Type", writer.ContentType), ("Transfer-Encoding", Chunked)], body, trace: trace);
    }

    /// <summary>A multipart upload the client abandons (connection reset) in the middle of its file.</summary>
    private static FuzzRequest AbandonedUpload(FuzzContext ctx)
    {
        var t = ctx.Text;
        var trace = ctx.Index.ToString(CultureInfo.InvariantCulture);
        var writer = new MultipartWriter("abortB" + t.Letters(10)).Fields(TicketFields.Valid(t, ctx.Index))
            .File("attachments", MultipartBodies.Name(trace, 1, "photo.png"), "image/png", [0x89, 0x50, 0x4E, 0x47, .. t.Bytes(t.Next(20_000, 60_000))]);
        var form = writer.Close().ToArray();
        var sent = form[..(form.Length - t.Next(1000, 10_000))];
        var chunked = t.Chance(0.5);
        List<(string, string)> headers = [("Content-Type", writer.ContentType), chunked ? ("Transfer-Encoding", Chunked) : ("Content-Length", form.Length.ToString(CultureInfo.InvariantCulture))];
        byte[] body = chunked ? [.. Encoding.ASCII.GetBytes(form.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), .. sent] : sent;
        return ctx.Raw("abort.upload" + (chunked ? "-chunked" : ""), "POST", "/api/tickets", headers, body, FuzzTransport.RawAbort, trace);
    }

    private static FuzzRequest OddPath(FuzzContext ctx)
    {
        var t = ctx.Text;
        var key = ctx.Target.ApiKey;
        var (method, path) = t.Pick(
            ("GET", "/api/tickets/%00"), ("GET", "/api/./form"), ("GET", "/api//queues/L1"), ("POST", "/api/tickets/1001/%61cknowledge"), ("GET", "/api/queues/L1%2CL2"),
            ("GET", "/api/queues/%4C1"), ("GET", "/api/form/../form"), ("GET", "/api/tickets/1001%00"), ("GET", "/api/queues/L1?pageSize=%"), ("GET", "/api/queues/L1?%%%"),
            ("GET", "/api/form?lang=%FF%FE"), ("GET", "/api/" + new string('a', 6000)), ("GET", "/api/tickets/١٠٠١"), ("GET", "/api/form#fragment"),
            ("GET", "/API/FORM"), ("GET", "/api/queues/L1/"), ("POST", "/api/tickets/1001/acknowledge/"), ("GET", "/api/tickets/1001/../../form"),
            ("GET", "/api/tickets/%2e%2e/form"), ("GET", "/api\\tickets\\1001"), ("GET", "/api/queues/L1;x=1"), ("GET", "http://helpdesk.test/api/form"),
            ("OPTIONS", "*"), ("GET", "/api/form?" + new string('q', 9000)), ("GET", "/api/queues/Ｌ１"), ("GET", "/api/queues/L1?continuationToken=%E9"));
        List<(string, string)> headers = [(FuzzContext.ApiKeyHeader, key)];
        if (method == "POST")
        {
            headers.Add(("Content-Type", "application/json"));
            headers.Add(("Content-Length", "17"));
        }

        return ctx.Raw("raw.path-odd", method, path, headers, method == "POST" ? "{\"actor\":\"alice\"}"u8.ToArray() : []);
    }

    private static string Chunk(string data) => Encoding.UTF8.GetByteCount(data).ToString("x", CultureInfo.InvariantCulture) + "\r\n" + data + "\r\n";

    private static string Utf8Length(string text) => Encoding.UTF8.GetByteCount(text).ToString(CultureInfo.InvariantCulture);

    /// <summary>Splits a payload into small chunks, never inside a surrogate pair (each chunk's size counts its own UTF-8 bytes).</summary>
    private static IEnumerable<string> Split(FuzzText t, string payload)
    {
        var at = 0;
        while (at < payload.Length)
        {
            var length = Math.Min(payload.Length - at, t.Next(1, 40));
            if (char.IsHighSurrogate(payload[at + length - 1]) && at + length < payload.Length)
            {
                length++;
            }

            yield return payload.Substring(at, length);
            at += length;
        }
    }
}
