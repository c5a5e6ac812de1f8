using System.Text;

namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>A generated body, the content type it is declared with (null: no Content-Type header) and what it tries.</summary>
public sealed record FuzzBody(string Variant, string? ContentType, byte[] Bytes)
{
    /// <summary>See <see cref="FuzzRequest.Trace"/>.</summary>
    public string? Trace { get; init; }

    /// <summary>Sent with Transfer-Encoding: chunked rather than Content-Length.</summary>
    public bool Chunked { get; init; }

    /// <summary>An Idempotency-Key the body comes with (repeat cases: the same key always with the same body).</summary>
    public string? IdempotencyKey { get; init; }

    public static FuzzBody Utf8(string variant, string? contentType, string text) => new(variant, contentType, Encoding.UTF8.GetBytes(text));
}
