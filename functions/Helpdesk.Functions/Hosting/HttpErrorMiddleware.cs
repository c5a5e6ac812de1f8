using Helpdesk.Core.Web;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Functions.Hosting;

/// <summary>
/// The standalone host's error edge, in the worker: an HTTP function's unhandled exception becomes Core's
/// <see cref="ErrorAnswer"/> (problem+json 500 without stack trace or type names, the error page for browsers, the
/// same bytes as the standalone host) instead of whatever the worker would send; every HTTP answer carries
/// <c>nosniff</c>. Queue, timer and durable functions are untouched: their exceptions must reach the runtime, which
/// retries them.
/// </summary>
public sealed class HttpErrorMiddleware(ILogger<HttpErrorMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.GetHttpContext();
        if (http is null)
        {
            await next(context);
            return;
        }

        SecurityHeaders.ApplyNoSniffWhenStarting(http.Response);
        try
        {
            await next(context);
        }
        catch (Exception ex)
        {
            if (await UnhandledErrors.TryAnswerAsync(http, ex) is not { } answer)
            {
                throw;
            }

            // The answer is written on the HttpContext; the proxying middleware finds no result and leaves it as is.
            FunctionsLog.UnhandledRequestError(logger, ex, context.FunctionDefinition.Name, http.Request.Method, http.Request.Path, answer.StatusCode);
        }
    }
}
