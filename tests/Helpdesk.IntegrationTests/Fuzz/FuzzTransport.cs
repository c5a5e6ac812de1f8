namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>How a <see cref="FuzzRequest"/> goes on the wire.</summary>
public enum FuzzTransport
{
    /// <summary>Through <see cref="HttpClient"/>: well-framed HTTP/1.1 (Content-Length, or chunked when asked).</summary>
    Http,

    /// <summary>
    /// Bytes on a <see cref="System.Net.Sockets.TcpClient"/>, framing written by the generator, for what HttpClient
    /// refuses to send: broken chunking, non-ASCII or control characters in headers, repeated header lines, odd paths.
    /// </summary>
    Raw,

    /// <summary>Raw, and the client hangs up before the body is complete (a closed browser tab): no answer is expected.</summary>
    RawAbort,
}
