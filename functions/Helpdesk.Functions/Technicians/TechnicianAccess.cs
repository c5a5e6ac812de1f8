using Helpdesk.Core.Technicians;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.Functions.Technicians;

/// <summary>
/// The Functions app's twin of the standalone host's <c>ApiKeyFilter</c>, called first by every technician function
/// (<c>if (await access.RefuseAsync(request, ct) is { } refusal) return refusal;</c>). The Functions host has already
/// checked the function key (those routes are <c>AuthorizationLevel.Function</c>), but the worker is not told which
/// key: a person signed in through Easy Auth and on the roster is the caller, else the key, named
/// <see cref="FunctionKeyName"/>. Someone signed in but not on the roster is refused.
/// </summary>
public sealed class TechnicianAccess(SignedInPeople people)
{
    public const string FunctionKeyName = "function-key";

    public async Task<IResult?> RefuseAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lookup = await people.FindAsync(request, ct);
        if (lookup.NotOnRoster)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not on the roster",
                detail: "You are signed in, but not on this helpdesk's technician roster. Ask an admin to add you.");
        }

        Callers.Set(request.HttpContext, lookup.Person is { } person ? Caller.For(person) : Caller.ForKey(FunctionKeyName));
        return null;
    }
}
