using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Technicians;

/// <summary>
/// Finds the person behind a request, the same way in both hosts: the platform's principal (Easy Auth, only when
/// trusted) or the console session cookie, each mapped to the roster. Someone signed in by the platform but not on
/// the roster is <see cref="PersonLookup.NotOnRoster"/>: refused, not treated as anonymous.
/// </summary>
public sealed class SignedInPeople(Roster roster, Sessions sessions, IOptions<TechniciansOptions> options, ILogger<SignedInPeople> logger)
{
    public const string SessionCookie = "helpdesk-session";

    public async Task<PersonLookup> FindAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (options.Value.TrustPlatformPrincipal && ClientPrincipal.EmailOf(request) is { } email)
        {
            // A disabled person is refused like someone not on the roster.
            if (await roster.FindByEmailAsync(email, ct) is { Disabled: false } person)
            {
                return new PersonLookup(person, false);
            }

            TechniciansLog.NotOnRoster(logger, request.Path);
            return new PersonLookup(null, true);
        }

        var session = await sessions.ResolveAsync(request.Cookies[SessionCookie], ct);
        return new PersonLookup(session, false);
    }
}
