using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Console;

/// <summary>
/// A sign-in a host offers beside personal keys: the standalone host's OpenID Connect (Entra ID or any provider) when
/// configured. Core knows no protocol: the sign-in page shows the button and asks for the challenge here; the host
/// runs the protocol and hands the verified address back to <see cref="ConsoleHandler.ExternalSignInAsync"/>, which
/// opens the one kind of console session (<see cref="Technicians.Sessions"/>). The Functions app registers none: Easy
/// Auth signs people in in front of it.
/// </summary>
public interface IExternalSignIn
{
    /// <summary>False when the host has it but this instance has no provider configured: the page is the key form alone.</summary>
    bool IsConfigured { get; }

    /// <summary>The provider's name on the button ("Sign in with {name}"); null for the generic wording.</summary>
    string? DisplayName { get; }

    /// <summary>Sends the browser to the provider; once signed in it comes back to <paramref name="returnPath"/>, a console path.</summary>
    IResult Challenge(HttpContext http, string returnPath);
}
