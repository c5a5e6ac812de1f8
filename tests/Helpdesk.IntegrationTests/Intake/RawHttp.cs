using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Helpdesk.IntegrationTests.Intake;

/// <summary>
/// HTTP/1.1 over a bare socket, for requests HttpClient refuses to send: broken chunked framing, oversized trailers,
/// a body that stops arriving, a client that disconnects mid-upload.
/// </summary>
internal sealed class RawHttp : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    private RawHttp(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<RawHttp> ConnectAsync(Uri baseAddress)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port);
        return new RawHttp(client);
    }

    /// <summary>Sends one request and reads the answer (the request asks the server to close afterwards).</summary>
    public static async Task<RawResponse> SendAsync(Uri baseAddress, string head, byte[] body, TimeSpan? timeout = null)
    {
        await using var http = await ConnectAsync(baseAddress);
        await http.WriteAsync(head);
        await http.WriteAsync(body);
        return await http.ReadResponseAsync(timeout ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>A POST's request line and headers, ending with the blank line; <c>Connection: close</c> so the answer ends with the connection.</summary>
    public static string Head(string path, string contentType, string framing) =>
        $"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: {contentType}\r\nAccept: application/json\r\nConnection: close\r\n{framing}\r\n\r\n";

    public Task WriteAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

    public async Task WriteAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>Reads until the server closes the connection (or the timeout), then parses status, headers and (de-chunked) body.</summary>
    public async Task<RawResponse> ReadResponseAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await _stream.ReadAsync(buffer, cts.Token)) > 0)
            {
                received.Write(buffer, 0, read);
                if (Complete(received.ToArray()))
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The server may reset the connection right after its answer.
        }

        return Parse(received.ToArray());
    }

    private static bool Complete(byte[] data)
    {
        var text = Encoding.UTF8.GetString(data);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var headers = text[..end];
        if (headers.Contains("transfer-encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            return text.EndsWith("0\r\n\r\n", StringComparison.Ordinal);
        }

        var length = LengthOf(headers);
        return length is not null && Encoding.UTF8.GetByteCount(text[(end + 4)..]) >= length;
    }

    private static int? LengthOf(string headers)
    {
        foreach (var line in headers.Split("\r\n"))
        {
            if (line.StartsWith("content-length:", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line["content-length:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private static RawResponse Parse(byte[] data)
    {
        var text = Encoding.UTF8.GetString(data);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(end > 0, $"no HTTP answer (received {data.Length} bytes: '{text}')");
        var headers = text[..end];
        var body = text[(end + 4)..];
        if (headers.Contains("transfer-encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            var sb = new StringBuilder();
            var rest = body;
            while (true)
            {
                var lineEnd = rest.IndexOf("\r\n", StringComparison.Ordinal);
                var size = int.Parse(rest[..lineEnd].Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    break;
                }

                sb.Append(rest.AsSpan(lineEnd + 2, size));
                rest = rest[(lineEnd + 2 + size + 2)..];
            }

            body = sb.ToString();
        }

        var status = int.Parse(headers.Split(' ')[1], CultureInfo.InvariantCulture);
        return new RawResponse(status, headers, body);
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _client.Dispose();
    }
}

internal sealed record RawResponse(int StatusCode, string Headers, string Body);
