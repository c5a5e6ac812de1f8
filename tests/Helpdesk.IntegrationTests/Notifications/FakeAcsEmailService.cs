using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Helpdesk.IntegrationTests.Notifications;

/// <summary>
/// A FAKE of the Azure Communication Services Email REST API (api-version 2023-03-31). ACS is an Azure-only edge with no
/// emulator, so this in-process Kestrel endpoint on a free loopback port stands in for it. It is strict where it matters:
/// every request must carry a valid HMAC-SHA256 access-key signature, which it recomputes from the request as received
/// with its own implementation of the documented algorithm (it does not call the product's signing code), and the
/// x-ms-content-sha256 header must match the body. Accepted sends answer 202 + Operation-Location; the operation then
/// reports Running (with Retry-After) and the final state chosen by <see cref="Outcome"/>.
/// With <see cref="TrustTokensFrom"/>, it also accepts <c>Authorization: Bearer</c> (managed identity), but only a
/// token that <see cref="FakeTokenCredential"/> issued for the ACS scope and that has not expired (Entra ID is an
/// Azure-only edge too: the credential is a fake, and says so).
/// Assumed, not confirmed against ACS: a second send with an Operation-Id already in use answers 409.
/// </summary>
public sealed class FakeAcsEmailService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly byte[] _key;
    private readonly ConcurrentDictionary<string, int> _polls = new();
    private FakeTokenCredential? _issuer;

    private FakeAcsEmailService(WebApplication app, byte[] key)
    {
        _app = app;
        _key = key;
    }

    public static string NewAccessKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));

    public Uri Endpoint { get; private set; } = null!;

    public string AccessKey => Convert.ToBase64String(_key);

    public string ConnectionString(string? accessKey = null) => $"endpoint={Endpoint};accesskey={accessKey ?? AccessKey}";

    public FakeAcsOutcome Outcome { get; set; } = FakeAcsOutcome.Succeed;

    /// <summary>Retry-After (seconds) sent with the first status answer.</summary>
    public int RunningRetryAfterSeconds { get; set; } = 1;

    /// <summary>The scope a token must have been issued for (written here, not read from the product).</summary>
    public const string AcsScope = "https://communication.azure.com//.default";

    public const string FailureMessage = "Message was not delivered: all recipients are on the suppression list.";

    /// <summary>Assumed shape, not confirmed against ACS: a 400 naming the recipient problem.</summary>
    public const string RefusedRecipientMessage = "The recipient address is not valid.";

    public ConcurrentQueue<FakeAcsSend> Accepted { get; } = new();

    /// <summary>Accept bearer tokens issued by <paramref name="issuer"/> (managed identity), besides signed requests.</summary>
    public void TrustTokensFrom(FakeTokenCredential issuer) => _issuer = issuer;

    /// <summary>The Authorization scheme of each request, in order (<c>HMAC-SHA256</c> or <c>Bearer</c>).</summary>
    public ConcurrentQueue<string> AuthorizationSchemes { get; } = new();

    public ConcurrentQueue<FakeAcsRequest> Requests { get; } = new();

    public static async Task<FakeAcsEmailService> StartAsync(string? accessKey = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeAcsEmailService(app, Convert.FromBase64String(accessKey ?? NewAccessKey()));
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.Endpoint = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        Requests.Enqueue(new FakeAcsRequest(context.Request.Method, rawTarget, DateTimeOffset.UtcNow));

        if (Verify(context.Request, rawTarget, body) is { } problem)
        {
            await ErrorAsync(context, StatusCodes.Status401Unauthorized, "Denied", problem);
            return;
        }

        var path = context.Request.Path.Value ?? "";
        if (HttpMethods.IsPost(context.Request.Method) && path == "/emails:send")
        {
            await SendAsync(context, body);
        }
        else if (HttpMethods.IsGet(context.Request.Method) && path.StartsWith("/emails/operations/", StringComparison.Ordinal))
        {
            await StatusAsync(context, path["/emails/operations/".Length..]);
        }
        else
        {
            await ErrorAsync(context, StatusCodes.Status404NotFound, "NotFound", $"{context.Request.Method} {path}");
        }
    }

    /// <summary>The documented HMAC scheme, written here independently of the product code.</summary>
    private string? Verify(HttpRequest request, string rawTarget, byte[] body)
    {
        var authorization = request.Headers.Authorization.ToString();
        AuthorizationSchemes.Enqueue(authorization.Split(' ', 2)[0]);
        if (authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return _issuer is null
                ? "This resource does not accept Entra ID tokens in this test."
                : _issuer.Check(authorization["Bearer ".Length..], AcsScope);
        }

        string date = request.Headers["x-ms-date"].ToString(), hash = request.Headers["x-ms-content-sha256"].ToString();
        if (!DateTimeOffset.TryParseExact(date, "ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            || (DateTimeOffset.UtcNow - at).Duration() > TimeSpan.FromMinutes(15))
        {
            return $"x-ms-date '{date}' is not a current RFC 1123 date.";
        }

        if (hash != Convert.ToBase64String(SHA256.HashData(body)))
        {
            return "x-ms-content-sha256 does not match the body.";
        }

        var stringToSign = request.Method.ToUpperInvariant() + "\n" + rawTarget + "\n" + date + ";" + request.Host.Value + ";" + hash;
        var expected = "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature="
                       + Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));
        return request.Headers.Authorization.ToString() == expected ? null : "The request signature is not valid for this resource's access key.";
    }

    private async Task SendAsync(HttpContext context, byte[] body)
    {
        if (context.Request.Query["api-version"] != "2023-03-31")
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidApiVersion", "api-version must be 2023-03-31");
            return;
        }

        if (Outcome == FakeAcsOutcome.Throttle)
        {
            context.Response.Headers.RetryAfter = "30";
            await ErrorAsync(context, StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many requests for this sender domain.");
            return;
        }

        if (Outcome == FakeAcsOutcome.RefuseRecipient)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidRecipientAddress", RefusedRecipientMessage);
            return;
        }

        var operationId = context.Request.Headers["Operation-Id"].ToString();
        if (operationId.Length == 0)
        {
            operationId = Guid.NewGuid().ToString("D");
        }

        if (!_polls.TryAdd(operationId, 0))
        {
            await ErrorAsync(context, StatusCodes.Status409Conflict, "Conflict", $"Operation {operationId} already exists.");
            return;
        }

        Accepted.Enqueue(new FakeAcsSend(operationId, JsonNode.Parse(body)!));
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.Headers["Operation-Location"] = new Uri(Endpoint, $"emails/operations/{operationId}?api-version=2023-03-31").ToString();
        context.Response.Headers.RetryAfter = "0";
        await context.Response.WriteAsJsonAsync(new { id = operationId, status = "Running" });
    }

    private async Task StatusAsync(HttpContext context, string operationId)
    {
        if (!_polls.TryGetValue(operationId, out var count))
        {
            await ErrorAsync(context, StatusCodes.Status404NotFound, "NotFound", $"No operation {operationId}.");
            return;
        }

        _polls[operationId] = count + 1;
        if (count == 0 || Outcome == FakeAcsOutcome.NeverFinish)
        {
            context.Response.Headers.RetryAfter = RunningRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await context.Response.WriteAsJsonAsync(new { id = operationId, status = "Running" });
        }
        else if (Outcome == FakeAcsOutcome.Fail)
        {
            await context.Response.WriteAsJsonAsync(new
            {
                id = operationId,
                status = "Failed",
                error = new { code = "EmailDroppedAllRecipientsSuppressed", message = FailureMessage },
            });
        }
        else
        {
            await context.Response.WriteAsJsonAsync(new { id = operationId, status = "Succeeded" });
        }
    }

    private static Task ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code, message } }));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public enum FakeAcsOutcome
{
    Succeed,
    Fail,
    Throttle,
    NeverFinish,

    /// <summary>The send is refused at once with 400 (a recipient address ACS does not accept).</summary>
    RefuseRecipient,
}

public sealed record FakeAcsSend(string OperationId, JsonNode Body);

public sealed record FakeAcsRequest(string Method, string Target, DateTimeOffset At);
