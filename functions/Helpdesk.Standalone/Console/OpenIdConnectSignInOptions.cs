namespace Helpdesk.Standalone.Console;

/// <summary>
/// OpenID Connect sign-in of the console on the standalone host (section <c>Helpdesk:Technicians:OpenIdConnect</c>):
/// Microsoft Entra ID or any provider that speaks the authorization code flow. Not set: the console signs people in
/// with their personal keys only, as before. The client secret comes from the environment, user secrets or Key Vault,
/// never from a file in the repository (the validator refuses one found in <c>appsettings*.json</c>).
/// </summary>
public sealed class OpenIdConnectSignInOptions
{
    public const string Section = "Helpdesk:Technicians:OpenIdConnect";

    public const int MaxDisplayNameLength = 60;

    /// <summary>The issuer, e.g. <c>https://login.microsoftonline.com/{tenant-id}/v2.0</c>; its discovery document is read from <c>/.well-known/openid-configuration</c> below it.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The provider's name on the sign-in button ("Sign in with {DisplayName}"); empty: "your organisation's account".</summary>
    public string? DisplayName { get; set; }

    /// <summary>Scopes asked for, separated by spaces; <c>openid</c> is required, <c>email</c> gives the address most providers put in the token.</summary>
    public string Scopes { get; set; } = "openid profile email";

    /// <summary>Any of the provider's settings given: then all of them must be right, or the host does not start.</summary>
    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(ClientId) || !string.IsNullOrWhiteSpace(ClientSecret);

    public IReadOnlyList<string> ScopeList => Scopes.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
