using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Web;

/// <summary>
/// What both hosts' edges do with an exception that escaped a route: answer it with <see cref="ErrorAnswer.For"/>
/// unless the response already started (then the connection is aborted by rethrowing) or the client is gone.
/// The standalone host's middleware and the Functions app's worker middleware both call this.
/// </summary>
public static class UnhandledErrors
{
    /// <returns>The answer written, or null when nothing could be written (the caller rethrows).</returns>
    public static async Task<ErrorAnswer?> TryAnswerAsync(HttpContext http, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(exception);
        if (http.Response.HasStarted || (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested))
        {
            return null;
        }

        var answer = ErrorAnswer.For(exception);
        // Nothing of the failed attempt (headers, partial content type) leaks into the error answer.
        http.Response.Clear();
        await answer.ExecuteAsync(http);
        return answer;
    }
}
