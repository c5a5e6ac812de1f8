using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Helpdesk.Core.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Helpdesk.IntegrationTests.Console;

/// <summary>
/// A minimal OpenID Connect provider on a loopback port, for the console's sign-in tests: discovery document, JWKS
/// with an RSA key made for this run, an authorize endpoint that signs in whoever the request names and redirects
/// back with a code and the state, and a token endpoint that checks the code (once), the client id and secret, the
/// redirect URI and the PKCE verifier before returning an RS256 id token carrying the nonce.
/// Tests steer the authorize step with extra query parameters (<c>test_email</c>, <c>test_tweak</c>) added to the
/// URL the console sends the browser to; without them <see cref="DefaultEmail"/> signs in (the Chromium test).
/// </summary>
internal sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "helpdesk-console-test";
    public const string ClientSecret = "test-client-secret-0123456789";

    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);
    private readonly string _keyId = Guid.NewGuid().ToString("N")[..16];
    private readonly ConcurrentDictionary<string, Grant> _codes = new();

    private TestOidcProvider(WebApplication app) => _app = app;

    public string Issuer { get; private set; } = "";

    /// <summary>Who signs in when the authorize request names nobody.</summary>
    public string? DefaultEmail { get; set; }

    /// <summary>Token requests refused, with the reason (wrong secret, verifier, code, redirect URI).</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    /// <summary>Authorize requests seen (the query as received), to check what the console asked for.</summary>
    public ConcurrentQueue<IQueryCollection> AuthorizeRequests { get; } = new();

    public int TokensIssued => _tokensIssued;

    private int _tokensIssued;

    public static async Task<TestOidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var provider = new TestOidcProvider(app);
        app.MapGet("/.well-known/openid-configuration", provider.Discovery);
        app.MapGet("/jwks", provider.Keys);
        app.MapGet("/authorize", provider.Authorize);
        app.MapPost("/token", provider.TokenAsync);
        await app.StartAsync();
        provider.Issuer = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        return provider;
    }

    private static readonly string[] Code = ["code"];
    private static readonly string[] Query = ["query"];
    private static readonly string[] Public = ["public"];
    private static readonly string[] Rs256 = ["RS256"];
    private static readonly string[] S256 = ["S256"];
    private static readonly string[] ClientSecretPost = ["client_secret_post"];

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = Issuer + "/authorize",
        ["token_endpoint"] = Issuer + "/token",
        ["jwks_uri"] = Issuer + "/jwks",
        ["response_types_supported"] = Code,
        ["response_modes_supported"] = Query,
        ["subject_types_supported"] = Public,
        ["id_token_signing_alg_values_supported"] = Rs256,
        ["code_challenge_methods_supported"] = S256,
        ["token_endpoint_auth_methods_supported"] = ClientSecretPost,
    });

    private IResult Keys()
    {
        var p = _key.ExportParameters(false);
        return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = _keyId, n = Base64Url.Encode(p.Modulus!), e = Base64Url.Encode(p.Exponent!) } } });
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        AuthorizeRequests.Enqueue(q);
        var redirect = q["redirect_uri"].ToString();
        var state = q["state"].ToString();
        var tweak = q["test_tweak"].ToString();
        if (tweak == "cancel")
        {
            // The person cancelled at the provider.
            return Results.Redirect($"{redirect}?error=access_denied&error_description=cancelled&state={Uri.EscapeDataString(state)}");
        }

        if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]))
        {
            return Results.BadRequest("not an authorization code request with PKCE");
        }

        var code = Base64Url.Encode(RandomNumberGenerator.GetBytes(24));
        var email = q["test_email"].ToString() is { Length: > 0 } named ? named : DefaultEmail ?? "nobody@example.be";
        _codes[code] = new Grant(email, q["nonce"].ToString(), q["code_challenge"].ToString(), redirect, tweak);
        return Results.Redirect($"{redirect}?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(state)}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        IResult Refuse(string reason)
        {
            Refusals.Enqueue(reason);
            return Results.Json(new { error = "invalid_grant", error_description = reason }, statusCode: 400);
        }

        if (form["grant_type"] != "authorization_code")
        {
            return Refuse("grant_type");
        }

        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Refuse("client");
        }

        // A code is good once.
        if (!_codes.TryRemove(form["code"].ToString(), out var grant))
        {
            return Refuse("code");
        }

        if (form["redirect_uri"] != grant.RedirectUri)
        {
            return Refuse("redirect_uri");
        }

        var verifier = form["code_verifier"].ToString();
        if (verifier.Length < 43 || Base64Url.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.CodeChallenge)
        {
            return Refuse("code_verifier");
        }

        Interlocked.Increment(ref _tokensIssued);
        return Results.Json(new
        {
            access_token = Base64Url.Encode(RandomNumberGenerator.GetBytes(24)),
            token_type = "Bearer",
            expires_in = 3600,
            id_token = IdToken(grant),
        });
    }

    private string IdToken(Grant grant)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = grant.Tweak == "wrong-issuer" ? "https://elsewhere.example" : Issuer,
            ["sub"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(grant.Email)))[..24],
            ["aud"] = grant.Tweak == "wrong-audience" ? "another-application" : ClientId,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = grant.Tweak == "expired" ? now - 3600 : now + 600,
            ["nonce"] = grant.Tweak == "wrong-nonce" ? "a-nonce-from-another-sign-in" : grant.Nonce,
            ["name"] = "Signed In Person",
        };
        if (grant.Tweak == "upn-only")
        {
            claims["preferred_username"] = grant.Email;
        }
        else if (grant.Tweak != "no-address")
        {
            claims["email"] = grant.Email;
        }

        if (grant.Tweak == "unverified-email")
        {
            // A provider that lets people type any address says so: such an address must not sign anyone in.
            claims["email_verified"] = false;
        }

        var header = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = _keyId }));
        var payload = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signer = grant.Tweak == "wrong-key" ? RSA.Create(2048) : _key;
        var signature = signer.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + payload + "." + Base64Url.Encode(signature);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
    }

    private sealed record Grant(string Email, string Nonce, string CodeChallenge, string RedirectUri, string Tweak);
}
