using Helpdesk.Core;
using Helpdesk.Core.Console;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Helpdesk.Standalone.Console;

/// <summary>
/// OpenID Connect sign-in of the console, when <c>Helpdesk:Technicians:OpenIdConnect</c> is set. The protocol is
/// ASP.NET Core's handler; what it proves ends in Core (<see cref="ConsoleHandler.ExternalSignInAsync"/>): the address
/// is looked up on the roster and the one kind of console session is opened. No authentication cookie of its own:
/// signing out, removal from the roster and expiry work as for key sign-in.
/// </summary>
public static class OpenIdConnectSignInHosting
{
    public static IServiceCollection AddHelpdeskOpenIdConnectSignIn(this IServiceCollection services)
    {
        services.AddValidatedOptions<OpenIdConnectSignInOptions, OpenIdConnectSignInOptionsValidator>(OpenIdConnectSignInOptions.Section);
        services.AddAuthentication();
        services.Replace(ServiceDescriptor.Singleton<IAuthenticationSchemeProvider, NamedSchemesOnly>());
        // The scheme exists only when configured (read when the options are first used, after all configuration sources
        // are in): unconfigured, no handler ever runs and the sign-in page is the key form alone.
        services.AddOptions<AuthenticationOptions>().Configure<IOptions<OpenIdConnectSignInOptions>>((auth, oidc) =>
        {
            if (oidc.Value.IsConfigured)
            {
                auth.AddScheme<OpenIdConnectHandler>(OpenIdConnectSignIn.Scheme, oidc.Value.DisplayName);
            }
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddOptions<OpenIdConnectOptions>(OpenIdConnectSignIn.Scheme).Configure<IOptions<OpenIdConnectSignInOptions>>((o, settings) => Configure(o, settings.Value));
        services.TryAddSingleton<IExternalSignIn, OpenIdConnectSignIn>();
        return services;
    }

    /// <summary>
    /// Runs the provider's answer at the callback path (it is no endpoint of either host), after the error answers so
    /// that nothing there can reach a client as a stack trace. Without a configured provider there is no scheme and
    /// this does nothing.
    /// </summary>
    public static WebApplication UseHelpdeskOpenIdConnectSignIn(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        return app;
    }

    private static void Configure(OpenIdConnectOptions o, OpenIdConnectSignInOptions settings)
    {
        if (!settings.IsConfigured)
        {
            return;
        }

        o.Authority = settings.Authority;
        o.ClientId = settings.ClientId;
        o.ClientSecret = settings.ClientSecret;
        o.RequireHttpsMetadata = !(Uri.TryCreate(settings.Authority, UriKind.Absolute, out var authority) && OpenIdConnectSignInOptionsValidator.IsLoopback(authority));
        // Authorization code flow with PKCE; the id token comes from the token endpoint over the back channel, checked
        // for signature (the provider's JWKS), issuer, audience (our client id), lifetime and the nonce of this browser.
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        // The answer comes back as a top-level GET (query), so the correlation and nonce cookies can be SameSite=Lax:
        // form_post is a cross-site POST, which only SameSite=None cookies survive.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie = new ConsoleCookieBuilder(o.CorrelationCookie);
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie = new ConsoleCookieBuilder(o.NonceCookie);
        o.CallbackPath = OpenIdConnectSignIn.CallbackPath;
        // No provider-initiated sign-out paths: sessions are the console's own (sign out in the console).
        o.RemoteSignOutPath = PathString.Empty;
        o.SignedOutCallbackPath = PathString.Empty;
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.SaveTokens = false;
        o.DisableTelemetry = true;
        o.Scope.Clear();
        foreach (var scope in settings.ScopeList)
        {
            o.Scope.Add(scope);
        }

        o.Events = new OpenIdConnectEvents
        {
            OnTicketReceived = async context =>
            {
                var http = context.HttpContext;
                var address = OpenIdConnectSignIn.AddressOf(context.Principal);
                if (address is null)
                {
                    OpenIdConnectSignInLog.NoAddress(Logger(http));
                }

                var result = await http.RequestServices.GetRequiredService<ConsoleHandler>().ExternalSignInAsync(http, address, context.ReturnUri, http.RequestAborted);
                await result.ExecuteAsync(http);
                context.HandleResponse();
            },
            OnRemoteFailure = async context =>
            {
                var http = context.HttpContext;
                OpenIdConnectSignInLog.Failed(Logger(http), context.Failure ?? new InvalidOperationException("Unknown OpenID Connect failure."));
                await http.RequestServices.GetRequiredService<ConsoleHandler>().ExternalSignInFailed(http).ExecuteAsync(http);
                context.HandleResponse();
            },
        };
    }

    private static ILogger Logger(HttpContext http) => http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<OpenIdConnectSignIn>();
}
