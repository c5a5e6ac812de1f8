using System.Net;
using Helpdesk.Core.Technicians;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace Helpdesk.Standalone.Console;

public sealed class OpenIdConnectSignInOptionsValidator(IOptions<TechniciansOptions> technicians, IConfiguration configuration)
    : IValidateOptions<OpenIdConnectSignInOptions>
{
    private const string Prefix = OpenIdConnectSignInOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, OpenIdConnectSignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!options.IsConfigured)
        {
            if (!technicians.Value.KeySignIn && !technicians.Value.TrustPlatformPrincipal)
            {
                errors.Add($"Helpdesk:Technicians:KeySignIn=false leaves nobody a way to sign in to the console: set {Prefix}Authority, ClientId and ClientSecret, or turn keys back on.");
            }

            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }

        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Query.Length > 0 || authority.Fragment.Length > 0
            || !(authority.Scheme == Uri.UriSchemeHttps || (authority.Scheme == Uri.UriSchemeHttp && IsLoopback(authority))))
        {
            errors.Add($"{Prefix}Authority must be the provider's https URL (http only on a loopback address, for tests), e.g. https://login.microsoftonline.com/<tenant-id>/v2.0.");
        }

        else if (authority.Host.Equals("login.microsoftonline.com", StringComparison.OrdinalIgnoreCase)
            && authority.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToLowerInvariant() is "common" or "organizations" or "consumers")
        {
            // A multi-tenant endpoint's tokens name each person's own tenant as issuer: any Entra tenant could sign in.
            errors.Add($"{Prefix}Authority must name your Entra tenant (https://login.microsoftonline.com/<tenant-id>/v2.0), not common, organizations or consumers.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId) || options.ClientId.Length > 200 || options.ClientId.Any(char.IsControl))
        {
            errors.Add($"{Prefix}ClientId must be the application (client) id registered with the provider (1 to 200 characters).");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret) || options.ClientSecret.Any(char.IsControl))
        {
            errors.Add($"{Prefix}ClientSecret is required (env Helpdesk__Technicians__OpenIdConnect__ClientSecret, user secrets or Key Vault).");
        }
        else if (options.ClientSecret.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{Prefix}ClientSecret is a Key Vault reference that was not resolved: check the app's access to the vault.");
        }
        else if (FileOf(Prefix + nameof(OpenIdConnectSignInOptions.ClientSecret)) is { } file)
        {
            errors.Add($"{Prefix}ClientSecret must not be kept in {file}: a secret in a settings file ends up in the repository or an image. Set it in the environment, user secrets or Key Vault.");
        }

        if (options.DisplayName is { } display && (display.Length > OpenIdConnectSignInOptions.MaxDisplayNameLength || display.Any(char.IsControl)))
        {
            errors.Add($"{Prefix}DisplayName must be at most {OpenIdConnectSignInOptions.MaxDisplayNameLength} characters.");
        }

        var scopes = options.ScopeList;
        if (!scopes.Contains("openid") || scopes.Count > 20 || options.Scopes.Length > 500 || scopes.Any(s => s.Any(c => c is < '!' or > '~' or '"' or '\\')))
        {
            errors.Add($"{Prefix}Scopes must be scope names separated by spaces, including openid (default: openid profile email).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static bool IsLoopback(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    /// <summary>The settings file (appsettings*.json) the value comes from, if the winning source is one; null for the environment, user secrets, Key Vault, memory.</summary>
    private string? FileOf(string key) => FileOf(configuration, key);

    private static string? FileOf(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return null;
        }

        // Later providers win: the last one holding the key is where the value comes from (a chained configuration,
        // e.g. the host's, is looked into).
        return root.Providers.Reverse().FirstOrDefault(p => p.TryGet(key, out _)) switch
        {
            JsonConfigurationProvider { Source.Path: { } path } when Path.GetFileName(path).StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) => Path.GetFileName(path),
            ChainedConfigurationProvider chained => FileOf(chained.Configuration, key),
            _ => null,
        };
    }
}
