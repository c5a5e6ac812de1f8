using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Technicians;

/// <summary>
/// Where a host puts the caller it authenticated (the standalone host's <c>TechnicianFilter</c>, the Functions app's
/// <c>CallerMiddleware</c>) and where handlers written once in Core read it. A route that needs one and finds none
/// answers 401: an unauthenticated request never reaches a use case.
/// </summary>
public static class Callers
{
    private static readonly object Key = new();

    public static void Set(HttpContext http, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Items[Key] = caller;
    }

    public static Caller? Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items.TryGetValue(Key, out var value) ? value as Caller : null;
    }
}
