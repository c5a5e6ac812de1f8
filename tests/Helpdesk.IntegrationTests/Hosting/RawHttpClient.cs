using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Helpdesk.IntegrationTests.Hosting;

/// <summary>
/// HTTP/1.1 over a bare <see cref="TcpClient"/>, for what <see cref="HttpClient"/> will not do: send a body shorter than
/// its Content-Length, trickle it, and stop. The answer is read as the server sends it.
/// </summary>
internal sealed class RawHttpClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawHttpClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RawHttpClient> ConnectAsync(Uri baseAddress)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Parse(baseAddress.Host), baseAddress.Port);
        return new RawHttpClient(tcp);
    }

    /// <summary>Sends the request line and headers (Host and Content-Length added) and the first bytes of the body.</summary>
    public async Task SendHeadAsync(string method, string path, long contentLength, string contentType, string? accept = null)
    {
        var head = new StringBuilder()
            .Append(method).Append(' ').Append(path).Append(" HTTP/1.1\r\n")
            .Append("Host: 127.0.0.1\r\n")
            .Append("Content-Type: ").Append(contentType).Append("\r\n")
            .Append("Content-Length: ").Append(contentLength).Append("\r\n");
        if (accept is not null)
        {
            head.Append("Accept: ").Append(accept).Append("\r\n");
        }

        await SendAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
    }

    public async Task SendAsync(ReadOnlyMemory<byte> bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>Reads one answer: status, headers and a Content-Length body.</summary>
    public async Task<RawHttpResponse> ReadResponseAsync(CancellationToken ct)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(buffer))
        {
            if (await _stream.ReadAsync(one, ct) == 0)
            {
                throw new IOException("The server closed the connection before answering: " + Encoding.ASCII.GetString([.. buffer]));
            }

            buffer.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. buffer]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = new byte[headers.TryGetValue("Content-Length", out var length) ? int.Parse(length, System.Globalization.CultureInfo.InvariantCulture) : 0];
        await _stream.ReadExactlyAsync(body, ct);
        return new RawHttpResponse(status, headers, Encoding.UTF8.GetString(body));
    }

    private static bool EndsWithBlankLine(List<byte> b) =>
        b.Count >= 4 && b[^4] == '\r' && b[^3] == '\n' && b[^2] == '\r' && b[^1] == '\n';

    public ValueTask DisposeAsync()
    {
        _stream.Dispose();
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}

internal sealed record RawHttpResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body);
