using System.Text;

namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>
/// One generated request. <see cref="Seed"/> and <see cref="Index"/> regenerate it exactly
/// (<see cref="FuzzRequests.Create"/>); <see cref="Describe"/> prints it as a reproducer.
/// </summary>
/// <param name="Case">The generator's name for what this request tries (<c>tickets.multipart.header-without-colon</c>).</param>
/// <param name="Headers">Sent as given, in order; with <see cref="FuzzTransport.Http"/>, Content-* headers go on the content.</param>
/// <param name="Body">The body bytes; for raw transports, as they go on the wire (chunk framing included).</param>
/// <param name="Trace">
/// The token (<c>fz{Trace}_</c>) carried by the names of attached files, so that a blob left behind can be traced
/// back to the request that uploaded it; null when the request attaches nothing.
/// </param>
public sealed record FuzzRequest(
    int Seed,
    int Index,
    string Case,
    string Method,
    string Path,
    IReadOnlyList<(string Name, string Value)> Headers,
    byte[] Body,
    FuzzTransport Transport,
    string? Trace = null)
{
    public const int ShownBodyBytes = 300;

    /// <summary>The end of a longer body is shown too: a multipart body is often broken after its valid parts.</summary>
    public const int ShownTailBytes = 200;
    private const int ShownHeaderChars = 300;

    /// <summary>Asks HttpClient for a chunked body instead of Content-Length.</summary>
    public bool Chunked => Headers.Any(h => h.Name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase));

    /// <summary>Method, path, headers and the first <see cref="ShownBodyBytes"/> bytes of the body, escaped.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append("    seed ").Append(Seed).Append(", request #").Append(Index).Append(", case ").Append(Case)
            .Append(", sent ").AppendLine(Transport switch
            {
                FuzzTransport.Http => "with HttpClient",
                FuzzTransport.Raw => "raw on a TcpClient (Host and Connection: close added)",
                _ => "raw on a TcpClient, connection closed before the end of the body",
            });
        text.Append("    ").Append(Method).Append(' ').AppendLine(Printable.Text(Path, ShownHeaderChars));
        foreach (var (name, value) in Headers)
        {
            text.Append("    ").Append(Printable.Text(name, ShownHeaderChars)).Append(": ").AppendLine(Printable.Text(value, ShownHeaderChars));
        }

        text.Append("    body (").Append(Body.Length).Append(" bytes");
        text.Append(Body.Length > ShownBodyBytes ? $", first {ShownBodyBytes}): " : "): ");
        text.Append(Printable.Bytes(Body, ShownBodyBytes));
        if (Body.Length > ShownBodyBytes)
        {
            var tail = Math.Min(ShownTailBytes, Body.Length - ShownBodyBytes);
            text.Append("\n    … last ").Append(tail).Append(" bytes: ").Append(Printable.Bytes(Body.AsSpan(Body.Length - tail), tail));
        }

        return text.ToString();
    }
}
