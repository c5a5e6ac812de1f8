using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Web;

/// <summary>
/// The answer to a request body that could not be read, whatever the route: malformed chunked framing, a chunk size
/// that overflows, oversized trailers, a body that ended early or stopped arriving. The server (Kestrel, the Functions
/// worker) raises these while the route reads; this maps them to a status and a sentence of ours, never the server's
/// own message or a type name. Use it only around body reads: <c>catch (Exception ex) when (BodyReadFailure.Of(ex) is { } failure)</c>.
/// </summary>
public sealed record BodyReadFailure(int StatusCode, string Title, string Detail)
{
    /// <summary>The failure for an exception thrown while reading a request body, or null when it is not one.</summary>
    public static BodyReadFailure? Of(Exception exception) => exception switch
    {
        // The server's minimum data rate: the client stopped sending (or sends too slowly).
        // The same words as the host's own 408 (ErrorAnswer), whichever of the two answers.
        BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } => new(StatusCodes.Status408RequestTimeout,
            ErrorText.RequestBodyTimeout.Title, ErrorText.RequestBodyTimeout.Detail),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new(StatusCodes.Status413PayloadTooLarge,
            "Request too large", "The request body is larger than the server accepts."),
        // Bad chunk sizes or extensions, chunk-size overflow, trailers over the header limit (431 on the wire), a body
        // shorter than its Content-Length: all are framing errors of the client.
        BadHttpRequestException => new(StatusCodes.Status400BadRequest,
            "Malformed request", "The request body could not be read: its framing (chunked encoding, trailers or length) is malformed."),
        // The connection was reset, the body ended early, or (Kestrel) a chunk size overflowed.
        IOException => new(StatusCodes.Status400BadRequest,
            "Malformed request", "The request body could not be read: it ended early or its framing is malformed."),
        _ => null,
    };

    /// <summary>The problem+json answer.</summary>
    public IResult ToResult() => TypedResults.Problem(statusCode: StatusCode, title: Title, detail: Detail);
}
