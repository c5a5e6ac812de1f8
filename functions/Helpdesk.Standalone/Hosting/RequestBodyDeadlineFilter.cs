using Helpdesk.Core.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Helpdesk.Standalone.Hosting;

/// <summary>
/// Puts every route's request body behind <see cref="RequestBodyDeadlineStream"/> and answers 408
/// (<see cref="ErrorAnswer.RequestBodyTimeout"/>) when a deadline passed — also when the handler caught the read
/// failure and built an answer of its own (the multipart reader turns I/O errors into 400): a filter sees the
/// handler's result before it is written, a middleware would not.
/// </summary>
internal sealed class RequestBodyDeadlineFilter(IOptions<RequestLimitsOptions> options, TimeProvider time, ILogger<RequestBodyDeadlineFilter> logger)
    : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Features.Get<IHttpRequestBodyDetectionFeature>() is not { CanHaveBody: true })
        {
            return await next(context);
        }

        var limits = options.Value;
        var body = new RequestBodyDeadlineStream(http.Request.Body, limits.RequestBodyIdleTimeout, limits.RequestBodyTimeout, time);
        http.Request.Body = body;
        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception) when (body.TimedOut is not null && !http.Response.HasStarted)
        {
            return TimedOut(http, body);
        }

        return body.TimedOut is null ? result : TimedOut(http, body);
    }

    private ErrorAnswer TimedOut(HttpContext http, RequestBodyDeadlineStream body)
    {
        HostLog.RequestBodyTimedOut(logger, http.Request.Method, http.Request.Path, body.TimedOut!.Value, body.BytesRead, http.Request.ContentLength);
        return ErrorAnswer.RequestBodyTimeout();
    }
}
