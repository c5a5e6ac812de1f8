using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Helpdesk.Standalone.Console;

/// <summary>
/// No default authentication scheme, ever. ASP.NET Core makes a lone scheme the default for everything; the OpenID
/// Connect scheme as default authenticate scheme would be asked to authenticate every request, and, having no sign-in
/// scheme of its own (the console keeps its own sessions), would ask itself again without end. The console names the
/// scheme where it uses it (the challenge); the authentication middleware only runs the provider's answer.
/// </summary>
internal sealed class NamedSchemesOnly(IOptions<AuthenticationOptions> options) : AuthenticationSchemeProvider(options)
{
    public override Task<AuthenticationScheme?> GetDefaultAuthenticateSchemeAsync() => Task.FromResult<AuthenticationScheme?>(null);

    public override Task<AuthenticationScheme?> GetDefaultChallengeSchemeAsync() => Task.FromResult<AuthenticationScheme?>(null);

    public override Task<AuthenticationScheme?> GetDefaultForbidSchemeAsync() => Task.FromResult<AuthenticationScheme?>(null);

    public override Task<AuthenticationScheme?> GetDefaultSignInSchemeAsync() => Task.FromResult<AuthenticationScheme?>(null);

    public override Task<AuthenticationScheme?> GetDefaultSignOutSchemeAsync() => Task.FromResult<AuthenticationScheme?>(null);
}
