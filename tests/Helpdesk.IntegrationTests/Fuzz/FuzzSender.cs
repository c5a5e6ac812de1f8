using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>
/// Sends <see cref="FuzzRequest"/>s to a host: through one pooled <see cref="HttpClient"/>, or byte for byte on a
/// fresh <see cref="TcpClient"/> (with <c>Host</c> and <c>Connection: close</c>, read until the host closes).
/// Never throws for what the host does: every outcome is a <see cref="FuzzResponse"/>.
/// </summary>
public sealed class FuzzSender : IDisposable
{
    /// <summary>More than any answer of this API; a longer body is cut (the leak check reads this much).</summary>
    private const int MaxRawAnswerBytes = 4 * 1024 * 1024;

    private readonly HttpClient _client;
    private readonly Uri _baseAddress;
    private readonly TimeSpan _timeout;

    public FuzzSender(Uri baseAddress, TimeSpan timeout)
    {
        _baseAddress = baseAddress;
        _timeout = timeout;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        _client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    public TimeSpan Timeout => _timeout;

    /// <param name="ct">Stops the whole run (not one request: each has its own <see cref="Timeout"/>).</param>
    public Task<FuzzResponse> SendAsync(FuzzRequest request, CancellationToken ct) =>
        request.Transport == FuzzTransport.Http ? SendHttpAsync(request, ct) : SendRawAsync(request, ct);

    public void Dispose() => _client.Dispose();

    private async Task<FuzzResponse> SendHttpAsync(FuzzRequest request, CancellationToken ct)
    {
        HttpRequestMessage message;
        try
        {
            message = ToMessage(request);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or UriFormatException)
        {
            return FuzzResponse.ClientRefused(ex.Message);
        }

        using (message)
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            timeout.CancelAfter(_timeout);
            try
            {
                using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
                return FuzzResponse.Answer((int)response.StatusCode, body);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return FuzzResponse.NoAnswer($"no answer within {_timeout.TotalSeconds:0} s");
            }
            catch (HttpRequestException ex) when (ex.InnerException is InvalidOperationException or FormatException or ArgumentException)
            {
                return FuzzResponse.ClientRefused(ex.Message + " " + ex.InnerException.Message);
            }
            catch (HttpRequestException ex)
            {
                return FuzzResponse.NoAnswer("connection failed or closed without a complete answer", Flatten(ex));
            }
            catch (IOException ex)
            {
                return FuzzResponse.NoAnswer("connection closed in the middle of the answer", Flatten(ex));
            }
        }
    }

    private static HttpRequestMessage ToMessage(FuzzRequest request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.Path, UriKind.Relative));
        if (request.Body.Length > 0 || request.Method is "POST" or "PUT" or "PATCH")
        {
            message.Content = request.Chunked ? new StreamContent(new MemoryStream(request.Body)) : new ByteArrayContent(request.Body);
        }

        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.TransferEncodingChunked = true;
                continue;
            }

            var added = name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
                ? (message.Content ??= new ByteArrayContent([])).Headers.TryAddWithoutValidation(name, value)
                : message.Headers.TryAddWithoutValidation(name, value);
            if (!added)
            {
                throw new InvalidOperationException($"HttpClient refuses the header {name}.");
            }
        }

        return message;
    }

    private async Task<FuzzResponse> SendRawAsync(FuzzRequest request, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_timeout);
        using var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(_baseAddress.Host, _baseAddress.Port, timeout.Token);
            var stream = tcp.GetStream();
            byte[] wire = [.. Head(request), .. request.Body];

            if (request.Transport == FuzzTransport.RawAbort)
            {
                try
                {
                    await stream.WriteAsync(wire, timeout.Token);
                }
                catch (IOException)
                {
                    // The host closed first: nothing more to abandon.
                }

                // Reset rather than close: the host sees the connection die in the middle of the body, as when a tab is closed.
                tcp.Client.LingerState = new LingerOption(true, 0);
                tcp.Client.Close();
                return FuzzResponse.AbandonedByClient();
            }

            // Read while writing: the host may answer (and close) before it has read everything.
            var reading = ReadUntilClosedAsync(stream, timeout.Token);
            try
            {
                await stream.WriteAsync(wire, timeout.Token);
            }
            catch (IOException)
            {
                // The host stopped reading and closed: its answer, if any, is in what we read.
            }

            var (answer, closedBy) = await reading;
            return Parse(answer, closedBy);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return FuzzResponse.NoAnswer($"no answer within {_timeout.TotalSeconds:0} s");
        }
        catch (SocketException ex)
        {
            return FuzzResponse.NoAnswer("connection failed", ex.Message);
        }
    }

    private byte[] Head(FuzzRequest request)
    {
        var head = new StringBuilder();
        head.Append(request.Method).Append(' ').Append(request.Path).Append(" HTTP/1.1\r\n");
        if (!request.Headers.Any(h => h.Name.Equals("Host", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append("Host: ").Append(_baseAddress.Authority).Append("\r\n");
        }

        head.Append("Connection: close\r\n");
        foreach (var (name, value) in request.Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(head.Append("\r\n").ToString());
    }

    /// <summary>Everything the host sends until it closes (or resets) the connection.</summary>
    private static async Task<(byte[] Bytes, string? Error)> ReadUntilClosedAsync(NetworkStream stream, CancellationToken ct)
    {
        var answer = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0 && answer.Length < MaxRawAnswerBytes)
            {
                answer.Write(buffer, 0, read);
            }

            return (answer.ToArray(), null);
        }
        catch (IOException ex)
        {
            return (answer.ToArray(), ex.Message);
        }
    }

    private static FuzzResponse Parse(byte[] answer, string? readError)
    {
        // "HTTP/1.1 400 Bad Request\r\n...\r\n\r\nbody"
        var text = Encoding.Latin1.GetString(answer);
        if (text.Length < 12 || !text.StartsWith("HTTP/1.", StringComparison.Ordinal)
            || !int.TryParse(text.AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            return FuzzResponse.NoAnswer(
                answer.Length == 0 ? "connection closed without an answer" : "not an HTTP answer",
                (readError ?? "") + (answer.Length == 0 ? "" : " got: " + Printable.Bytes(answer, 200)));
        }

        var bodyAt = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (bodyAt < 0)
        {
            return FuzzResponse.Answer(status, []);
        }

        var body = answer[(bodyAt + 4)..];
        var chunked = text[..bodyAt].Split("\r\n").Any(h => h.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase)
                                                          && h.Contains("chunked", StringComparison.OrdinalIgnoreCase));
        return FuzzResponse.Answer(status, chunked ? Dechunk(body) : body);
    }

    /// <summary>The data of a chunked answer; what cannot be decoded is kept as it came (it is still scanned for leaks).</summary>
    private static byte[] Dechunk(byte[] body)
    {
        var data = new MemoryStream();
        var at = 0;
        while (at < body.Length)
        {
            var lineEnd = body.AsSpan(at).IndexOf("\r\n"u8);
            var sizeText = lineEnd < 0 ? "" : Encoding.ASCII.GetString(body, at, lineEnd).Split(';')[0];
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0
                || at + lineEnd + 2 + size > body.Length)
            {
                data.Write(body, at, body.Length - at);
                break;
            }

            if (size == 0)
            {
                break;
            }

            data.Write(body, at + lineEnd + 2, size);
            at += lineEnd + 2 + size + 2;
        }

        return data.ToArray();
    }

    private static string Flatten(Exception ex) =>
        string.Join(" → ", Enumerable.Repeat(ex, 1).Concat(Inner(ex)).Select(e => e.Message));

    private static IEnumerable<Exception> Inner(Exception ex)
    {
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            yield return inner;
        }
    }
}
