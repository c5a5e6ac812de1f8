using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Helpdesk.Core.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Helpdesk.Core.Web;

/// <summary>
/// The answer both hosts give when a request cannot be served as such — an unhandled exception (500), a request body
/// that stalls (408), too many requests (429), an empty 4xx/5xx: problem+json for scripts, the product's error page
/// (<see cref="SecurityHeaders"/>, French and English) for browsers. Written once here, so that the standalone host's
/// exception handler and the Functions app's worker middleware send the same bytes. Never a stack trace, an exception
/// type or message: what went wrong is in the log, under the <c>traceId</c> the answer carries.
/// </summary>
public sealed class ErrorAnswer : IResult, IStatusCodeHttpResult
{
    public const string ProblemJson = "application/problem+json";

    private readonly ErrorText _text;
    private readonly string _type;
    private readonly TimeSpan? _retryAfter;

    private ErrorAnswer(int statusCode, string type, ErrorText text, TimeSpan? retryAfter = null)
    {
        StatusCode = statusCode;
        _type = type;
        _text = text;
        _retryAfter = retryAfter;
    }

    public int StatusCode { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    /// <summary>An unhandled exception: 500, or another 5xx.</summary>
    public static ErrorAnswer Unexpected(int statusCode = StatusCodes.Status500InternalServerError) =>
        new(statusCode, TypeOf(statusCode), ErrorText.Unexpected);

    /// <summary>The request body did not arrive within the host's limits: 408, and the connection is closed.</summary>
    public static ErrorAnswer RequestBodyTimeout() =>
        new(StatusCodes.Status408RequestTimeout, TypeOf(StatusCodes.Status408RequestTimeout), ErrorText.RequestBodyTimeout);

    /// <summary>A rate limit: 429 with <c>Retry-After</c> (whole seconds, at least 1).</summary>
    public static ErrorAnswer TooManyRequests(TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return new(StatusCodes.Status429TooManyRequests, TypeOf(StatusCodes.Status429TooManyRequests),
            ErrorText.TooManyRequests.Format(seconds.ToString(CultureInfo.InvariantCulture)), TimeSpan.FromSeconds(seconds));
    }

    /// <summary>A status without a body (no route, wrong method...): the same shapes, with the status's reason phrase.</summary>
    public static ErrorAnswer ForStatus(int statusCode) =>
        statusCode >= 500
            ? Unexpected(statusCode)
            : new(statusCode, TypeOf(statusCode), ErrorText.ClientError.Format(ReasonPhrases.GetReasonPhrase(statusCode) is { Length: > 0 } r ? r : "Error"));

    /// <summary>
    /// The answer to an exception that reached a host's edge: a bad request body (Kestrel's or a host limit's
    /// <see cref="BadHttpRequestException"/>) keeps its status, anything else is a 500.
    /// </summary>
    public static ErrorAnswer For(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } => RequestBodyTimeout(),
        BadHttpRequestException { StatusCode: >= 400 and < 500 } bad => ForStatus(bad.StatusCode),
        _ => Unexpected(),
    };

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.Headers.CacheControl = "no-store";
        if (_retryAfter is { } wait)
        {
            response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        if (StatusCode == StatusCodes.Status408RequestTimeout && (HttpProtocol.IsHttp11(httpContext.Request.Protocol) || HttpProtocol.IsHttp10(httpContext.Request.Protocol)))
        {
            // The rest of the body may never come: do not wait for it to reuse the connection.
            response.Headers.Connection = "close";
        }

        byte[] body;
        if (HtmlPage.AcceptsHtml(httpContext.Request))
        {
            SecurityHeaders.ApplyToPage(response);
            response.ContentType = HtmlPageResult.MediaType;
            body = Encoding.UTF8.GetBytes(ErrorPage.Render(_text, Language.FromRequest(httpContext.Request)));
        }
        else
        {
            SecurityHeaders.ApplyNoSniff(response);
            response.ContentType = ProblemJson;
            body = ProblemBody(Activity.Current?.Id ?? httpContext.TraceIdentifier);
        }

        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>RFC 9457 problem details, properties in a fixed order.</summary>
    private byte[] ProblemBody(string traceId)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = HelpdeskJson.Options.Encoder }))
        {
            json.WriteStartObject();
            json.WriteString("type", _type);
            json.WriteString("title", _text.Title);
            json.WriteNumber("status", StatusCode);
            json.WriteString("detail", _text.Detail);
            json.WriteString("traceId", traceId);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The RFC section of each status, as ASP.NET Core's own problem details name them.</summary>
    private static string TypeOf(int statusCode) => statusCode switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        406 => "https://tools.ietf.org/html/rfc9110#section-15.5.7",
        408 => "https://tools.ietf.org/html/rfc9110#section-15.5.9",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        412 => "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        426 => "https://tools.ietf.org/html/rfc9110#section-15.5.22",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        500 => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        502 => "https://tools.ietf.org/html/rfc9110#section-15.6.3",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        504 => "https://tools.ietf.org/html/rfc9110#section-15.6.5",
        _ => "about:blank",
    };
}
