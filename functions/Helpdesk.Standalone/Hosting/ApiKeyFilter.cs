using System.Security.Cryptography;
using System.Text;
using Helpdesk.Core.Technicians;
using Microsoft.Extensions.Options;

namespace Helpdesk.Standalone.Hosting;

/// <summary>
/// Who may use the technician routes, and who they are: a machine key (<see cref="ApiKeyOptions.NamedKeys"/>, sent in
/// the <c>x-functions-key</c> header, compared in constant time against every configured key) becomes a
/// <see cref="Caller"/> named after the key; otherwise a person signed in to the console (session cookie) on the
/// roster. Anyone else gets 401. Put it on any technician route group (<c>AddEndpointFilter&lt;ApiKeyFilter&gt;()</c>)
/// and read the caller with <see cref="Callers.Of"/>.
/// </summary>
public sealed class ApiKeyFilter(IOptions<ApiKeyOptions> options, SignedInPeople people) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var presented = http.Request.Headers[ApiKeyOptions.Header].ToString();
        if (presented.Length > 0)
        {
            if (KeyNameOf(presented) is not { } name)
            {
                return Refused();
            }

            Callers.Set(http, Caller.ForKey(name));
            return await next(context);
        }

        var lookup = await people.FindAsync(http.Request, http.RequestAborted);
        if (lookup.NotOnRoster)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not on the roster",
                detail: "You are signed in, but not on this helpdesk's technician roster. Ask an admin to add you.");
        }

        if (lookup.Person is not { } person)
        {
            return Refused();
        }

        Callers.Set(http, Caller.For(person));
        return await next(context);
    }

    /// <summary>The name of the key presented, checking every key so that the time taken does not say which one matched.</summary>
    private string? KeyNameOf(string presented)
    {
        var bytes = Encoding.UTF8.GetBytes(presented);
        string? match = null;
        foreach (var (name, key) in options.Value.NamedKeys())
        {
            if (CryptographicOperations.FixedTimeEquals(bytes, Encoding.UTF8.GetBytes(key)))
            {
                match ??= name;
            }
        }

        return match;
    }

    private static IResult Refused() =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required",
            detail: $"Send a technician API key in the {ApiKeyOptions.Header} header, or sign in to the console.");
}
