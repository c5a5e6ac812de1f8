using System.Collections.Concurrent;
using Azure.Core;

namespace Helpdesk.IntegrationTests.Notifications;

/// <summary>
/// A FAKE Entra ID token credential standing in for the app's managed identity (Entra ID is an Azure-only edge: no
/// local identity endpoint exists). It issues opaque random tokens, remembers the scope and expiry of each, and lets
/// <see cref="FakeAcsEmailService"/> check a presented token the way ACS would: issued by us, for the ACS scope, not expired.
/// </summary>
public sealed class FakeTokenCredential(TimeProvider time, TimeSpan lifetime) : TokenCredential
{
    private readonly ConcurrentDictionary<string, (string Scope, DateTimeOffset ExpiresOn)> _issued = new();

    /// <summary>Scopes asked for, one entry per token issued.</summary>
    public ConcurrentQueue<string> RequestedScopes { get; } = new();

    /// <summary>When set, every token request fails as a machine without a managed identity does.</summary>
    public bool Unavailable { get; set; }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        Issue(requestContext);

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Issue(requestContext));

    /// <summary>Null when the token is valid for <paramref name="scope"/>; otherwise why not.</summary>
    public string? Check(string token, string scope)
    {
        if (!_issued.TryGetValue(token, out var issued))
        {
            return "The bearer token was not issued by Entra ID for this tenant.";
        }

        if (issued.Scope != scope)
        {
            return $"The bearer token's audience is {issued.Scope}, not {scope}.";
        }

        return issued.ExpiresOn <= time.GetUtcNow() ? "The bearer token has expired." : null;
    }

    private AccessToken Issue(TokenRequestContext context)
    {
        if (Unavailable)
        {
            throw new Azure.Identity.CredentialUnavailableException("ManagedIdentityCredential authentication unavailable. No managed identity endpoint found.");
        }

        var scope = string.Join(' ', context.Scopes);
        RequestedScopes.Enqueue(scope);
        var token = "fake-entra-" + Guid.NewGuid().ToString("N");
        var expiresOn = time.GetUtcNow() + lifetime;
        _issued[token] = (scope, expiresOn);
        return new AccessToken(token, expiresOn);
    }
}
