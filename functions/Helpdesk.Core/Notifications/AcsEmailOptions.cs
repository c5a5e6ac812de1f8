
namespace Helpdesk.Core.Notifications;

public sealed class AcsEmailOptions
{
    /// <summary>Entra ID token of the app's managed identity (the default on Azure: no secret to keep).</summary>
    public const string ManagedIdentityAuthentication = "ManagedIdentity";

    /// <summary>HMAC-SHA256 signing with the resource's access key, from <see cref="ConnectionString"/>.</summary>
    public const string AccessKeyAuthentication = "AccessKey";

    /// <summary>
    /// <c>ManagedIdentity</c> or <c>AccessKey</c>, case-insensitive. Empty: <c>AccessKey</c> when a connection string is
    /// set (settings written before identity mail existed keep working), otherwise <c>ManagedIdentity</c>.
    /// </summary>
    public string? Authentication { get; set; }

    /// <summary><c>https://&lt;resource&gt;.communication.azure.com/</c>: where to send with a managed identity.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary><c>endpoint=https://&lt;resource&gt;.communication.azure.com/;accesskey=&lt;base64&gt;</c>; from Key Vault on Azure. Access-key authentication only.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Address of a verified ACS sender domain, e.g. <c>DoNotReply@&lt;guid&gt;.azurecomm.net</c>. Replies go to the support address.</summary>
    public string? SenderAddress { get; set; }

    /// <summary>Longest wait for the send operation to reach a final state; past it the send counts as transient failure.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Poll interval when ACS gives no <c>Retry-After</c>.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    internal string EffectiveAuthentication =>
        !string.IsNullOrWhiteSpace(Authentication) ? Authentication.Trim()
        : string.IsNullOrWhiteSpace(ConnectionString) ? ManagedIdentityAuthentication
        : AccessKeyAuthentication;

    internal bool UsesAccessKey => EffectiveAuthentication.Equals(AccessKeyAuthentication, StringComparison.OrdinalIgnoreCase);

    internal bool UsesManagedIdentity => EffectiveAuthentication.Equals(ManagedIdentityAuthentication, StringComparison.OrdinalIgnoreCase);

    /// <summary>An https endpoint (http only on loopback, for a test double), as a base ending in '/'; null otherwise.</summary>
    internal static Uri? NormalizeEndpoint(Uri? endpoint) =>
        endpoint is { IsAbsoluteUri: true } uri && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            ? new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/")
            : null;
}
