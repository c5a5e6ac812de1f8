using System.Security.Claims;
using Helpdesk.Core.Console;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Helpdesk.Standalone.Console;

/// <summary>
/// The console's <see cref="IExternalSignIn"/> on the standalone host: OpenID Connect, authorization code flow with
/// PKCE (<see cref="OpenIdConnectSignInHosting"/> configures the protocol). Starting it is a challenge of the
/// <see cref="Scheme"/> scheme; a provider that cannot be reached gives the sign-in page with the reason, not an error.
/// </summary>
public sealed class OpenIdConnectSignIn(IOptions<OpenIdConnectSignInOptions> options) : IExternalSignIn
{
    public const string Scheme = "oidc";

    /// <summary>Where the provider sends the browser back (register it as the redirect URI): under the console, so the session cookie's path covers it.</summary>
    public static readonly string CallbackPath = ConsoleRoutes.Path(ConsoleRoutes.SignIn) + "/callback";

    // In order of preference: a provider's email claim, else Entra ID's sign-in name (a UPN is an address too).
    private static readonly string[] AddressClaims = ["email", "preferred_username", "upn"];

    public bool IsConfigured => options.Value.IsConfigured;

    public string? DisplayName => string.IsNullOrWhiteSpace(options.Value.DisplayName) ? null : options.Value.DisplayName.Trim();

    public IResult Challenge(HttpContext http, string returnPath) => new ProviderChallenge(returnPath);

    /// <summary>The address the validated id token names, or null: an email the provider says is unverified is skipped.</summary>
    public static string? AddressOf(ClaimsPrincipal? principal)
    {
        if (principal is null)
        {
            return null;
        }

        foreach (var type in AddressClaims)
        {
            if (type == "email" && string.Equals(principal.FindFirst("email_verified")?.Value, "false", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = principal.FindFirst(type)?.Value?.Trim();
            if (value is { Length: > 0 and <= 254 } && System.Net.Mail.MailAddress.TryCreate(value, out var address) && address.Address == value)
            {
                return value;
            }
        }

        return null;
    }

    private sealed class ProviderChallenge(string returnPath) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            try
            {
                await httpContext.ChallengeAsync(Scheme, new AuthenticationProperties { RedirectUri = returnPath });
            }
            catch (InvalidOperationException ex) when (!httpContext.Response.HasStarted)
            {
                // The discovery document (or its keys) could not be read: the provider is down, or Authority is wrong.
                var services = httpContext.RequestServices;
                OpenIdConnectSignInLog.ProviderUnreachable(services.GetRequiredService<ILoggerFactory>().CreateLogger<OpenIdConnectSignIn>(), ex);
                await services.GetRequiredService<ConsoleHandler>().ExternalSignInUnavailable(httpContext).ExecuteAsync(httpContext);
            }
        }
    }
}
