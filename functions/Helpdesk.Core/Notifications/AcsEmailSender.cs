using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Notifications;

/// <summary>
/// Sends through the Azure Communication Services Email REST API (<c>POST {endpoint}/emails:send</c>, api-version
/// 2023-03-31), then polls the long-running operation to a final state. It authenticates with an Entra ID token of the
/// app's managed identity (<c>Authorization: Bearer</c>, scope <see cref="TokenScope"/>) unless
/// <c>Helpdesk:Email:Acs:Authentication</c> is <c>AccessKey</c>, which signs every request with HMAC-SHA256 instead.
/// <para>
/// The credential is the <see cref="TokenCredential"/> registered in DI if there is one, else a
/// <see cref="DefaultAzureCredential"/> (on Azure it finds the user-assigned identity named by <c>AZURE_CLIENT_ID</c>;
/// on a workstation, the developer's <c>az login</c>). Tokens are kept until five minutes before they expire.
/// </para>
/// <para>
/// ACS assigns its own Message-ID to the mail, so <see cref="OutgoingEmail.MessageId"/> is not the header the requester
/// sees; it names the ACS operation instead (<c>Operation-Id</c>, derived from it), so a retried send of the same mail
/// is recognised by ACS. Replies still thread: the ticket tag is in the subject, and inbound threading falls back to it
/// when In-Reply-To names an id we did not issue.
/// </para>
/// </summary>
public sealed class AcsEmailSender(
    HttpClient http, IOptions<EmailOptions> options, TimeProvider time, ILogger<AcsEmailSender> logger, TokenCredential? credential = null) : IEmailSender
{
    public const string ApiVersion = "2023-03-31";

    /// <summary>
    /// The Entra ID scope of Azure Communication Services. The double slash is what the Azure SDKs request
    /// (azure-sdk-for-net, sdk/communication/Shared/src/ClientOptionsExtensions.cs): resource URI + "/.default".
    /// </summary>
    public const string TokenScope = "https://communication.azure.com//.default";

    // A token this close to its expiry is renewed before use: a send and its polls can take up to Acs.Timeout.
    private static readonly TimeSpan s_tokenRenewal = TimeSpan.FromMinutes(5);

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly TimeSpan s_maxRetryAfter = TimeSpan.FromSeconds(30);

    private readonly Lazy<AcsAccess> _access = new(() => AcsAccess.From(options.Value.Acs, credential));

    // Boxed: a reference is swapped atomically, an AccessToken struct (token + expiry) could be read half-written.
    private volatile StrongBox<AccessToken>? _token;

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var acs = options.Value.Acs;
        var access = _access.Value;
        var operationId = OperationIdFor(email.MessageId);
        var body = JsonSerializer.SerializeToUtf8Bytes(ToRequest(email, acs.SenderAddress ?? email.From.Address), s_json);

        using var timeout = new CancellationTokenSource(acs.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked.Token;
        try
        {
            // "./": a bare "emails:send" would parse as an absolute URI with the scheme "emails".
            var sendUri = new Uri(access.Endpoint, $"./emails:send?api-version={ApiVersion}");
            using var send = new HttpRequestMessage(HttpMethod.Post, sendUri) { Content = new ByteArrayContent(body) };
            send.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            send.Headers.TryAddWithoutValidation("Operation-Id", operationId);
            await AuthorizeAsync(send, body, access, token);
            using var accepted = await http.SendAsync(send, token);

            Uri statusUri;
            switch (accepted.StatusCode)
            {
                case HttpStatusCode.Accepted:
                    statusUri = accepted.Headers.TryGetValues("Operation-Location", out var location) && Uri.TryCreate(location.First(), UriKind.Absolute, out var parsed)
                        ? parsed
                        : StatusUri(access.Endpoint, operationId);
                    break;
                case HttpStatusCode.Conflict:
                    // The same Operation-Id again (a retried send): follow the existing operation instead of sending twice.
                    logger.LogInformation("ACS already has send operation {OperationId} ({MessageId}); following it.", operationId, email.MessageId);
                    statusUri = StatusUri(access.Endpoint, operationId);
                    break;
                default:
                    throw await FailureAsync(accepted, $"ACS refused mail {email.MessageId}", email, token);
            }

            var delay = RetryAfter(accepted) ?? acs.PollInterval;
            while (true)
            {
                await Task.Delay(delay, time, token);
                using var poll = new HttpRequestMessage(HttpMethod.Get, statusUri);
                await AuthorizeAsync(poll, [], access, token);
                using var status = await http.SendAsync(poll, token);
                delay = RetryAfter(status) ?? acs.PollInterval;
                if (IsTransient(status.StatusCode))
                {
                    continue;
                }

                if (status.StatusCode != HttpStatusCode.OK)
                {
                    throw await FailureAsync(status, $"ACS status of mail {email.MessageId} (operation {operationId})", null, token);
                }

                var result = await status.Content.ReadFromJsonAsync<AcsOperationStatus>(s_json, token);
                switch (result?.Status)
                {
                    case "Succeeded":
                        logger.LogInformation("Mail {MessageId} sent through ACS (operation {OperationId}).", email.MessageId, operationId);
                        return;
                    case "Failed" or "Canceled":
                        // Final for this mail: a retry names the same Operation-Id and would only find this operation again.
                        throw new PermanentEmailFailureException(
                            $"ACS could not send mail {email.MessageId} (operation {operationId}): {result.Status}: {Describe(result.Error) ?? "no error detail"}",
                            Recipients(email),
                            $"the mail service did not deliver it ({result.Error?.Code ?? result.Status})");
                    default:
                        // NotStarted, Running.
                        continue;
                }
            }
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TransientEmailSendException(
                $"ACS send of mail {email.MessageId} (operation {operationId}) did not finish within {acs.Timeout}.", null, null, ex);
        }
        catch (AuthenticationFailedException ex)
        {
            // No token (no identity on this machine, identity endpoint refused): configuration, retried and poisoned
            // where an operator sees it; not the recipient's fault.
            throw new EmailSendException(
                $"ACS mail {email.MessageId} not sent: no Entra ID token for {TokenScope} from the managed identity ({ex.Message}). "
                + $"Check the app's identity (AZURE_CLIENT_ID) or set {EmailOptions.Section}:Acs:Authentication to {AcsEmailOptions.AccessKeyAuthentication}.",
                ex);
        }
        catch (HttpRequestException ex)
        {
            throw new TransientEmailSendException($"ACS could not be reached for mail {email.MessageId}: {ex.Message}", ex.StatusCode, null, ex);
        }
    }

    /// <summary>A stable GUID for a Message-ID (name-based, SHA-256): the same mail always maps to the same ACS operation.</summary>
    public static string OperationIdFor(string messageId)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(messageId.Trim().Trim('<', '>')));
        var bytes = hash.AsSpan(0, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8 (custom, RFC 9562)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes, bigEndian: true).ToString("D");
    }

    internal static AcsSendRequest ToRequest(OutgoingEmail email, string senderAddress)
    {
        // ACS accepts custom headers; our mails are automatic, so tell other systems not to auto-reply (mail loops).
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Auto-Submitted"] = "auto-generated",
            ["X-Auto-Response-Suppress"] = "All",
        };
        foreach (var (key, value) in email.Headers ?? new Dictionary<string, string>())
        {
            headers[key] = value;
        }

        return new AcsSendRequest(
            senderAddress,
            new AcsRecipients([.. email.To.Select(t => new AcsAddress(t.Address, t.DisplayName))]),
            new AcsContent(email.Subject, email.TextBody, email.HtmlBody),
            headers,
            // The sender is an ACS domain address; replies go to the support mailbox.
            [email.ReplyTo is { } replyTo ? new AcsAddress(replyTo.Address, replyTo.DisplayName) : new AcsAddress(email.From.Address, email.From.DisplayName)],
            UserEngagementTrackingDisabled: true);
    }

    private static Uri StatusUri(Uri endpoint, string operationId) =>
        new(endpoint, $"emails/operations/{Uri.EscapeDataString(operationId)}?api-version={ApiVersion}");

    private async Task AuthorizeAsync(HttpRequestMessage request, byte[] body, AcsAccess access, CancellationToken ct)
    {
        if (access.AccessKey is { } key)
        {
            AcsRequestSigning.Sign(request, body, key, time.GetUtcNow());
            return;
        }

        var token = await TokenAsync(access.Credential!, ct);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private async Task<string> TokenAsync(TokenCredential tokenCredential, CancellationToken ct)
    {
        // Two sends racing past an expired token both ask for a new one: harmless, the credential caches too.
        var now = time.GetUtcNow();
        if (_token?.Value is { } current && current.ExpiresOn - now > s_tokenRenewal && (current.RefreshOn is not { } refreshOn || refreshOn > now))
        {
            return current.Token;
        }

        var fresh = await tokenCredential.GetTokenAsync(new TokenRequestContext([TokenScope]), ct);
        _token = new StrongBox<AccessToken>(fresh);
        return fresh.Token;
    }

    private static bool IsTransient(HttpStatusCode code) =>
        code is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)code >= 500;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var value = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        if (value is null)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > s_maxRetryAfter ? s_maxRetryAfter : value;
    }

    /// <summary>
    /// 429, 408 and 5xx are transient. When sending (<paramref name="sent"/> given), 400 and 422 mean ACS refused this
    /// mail as it is (a recipient address it does not accept): permanent. Anything else (401/403 key or permissions,
    /// 404 endpoint) is a configuration error: not transient, but not the recipient's fault either.
    /// </summary>
    private async Task<EmailSendException> FailureAsync(HttpResponseMessage response, string what, OutgoingEmail? sent, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        string? detail;
        try
        {
            detail = Describe(JsonSerializer.Deserialize<AcsErrorResponse>(text, s_json)?.Error);
        }
        catch (JsonException)
        {
            detail = null;
        }

        var message = $"{what}: {(int)response.StatusCode} {response.ReasonPhrase}: {detail ?? text}";
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && !_access.Value.UsesAccessKey)
        {
            message += " (managed identity: the app's identity needs a role on the Communication Services resource that allows sending mail, see infra/modules/communication.bicep)";
        }

        if (IsTransient(response.StatusCode))
        {
            return new TransientEmailSendException(message, response.StatusCode, RetryAfter(response));
        }

        return sent is not null && response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity
            ? new PermanentEmailFailureException(message, Recipients(sent), $"the mail service refused it ({(int)response.StatusCode} {detail ?? response.ReasonPhrase})", response.StatusCode)
            : new EmailSendException(message, response.StatusCode);
    }

    private static string Recipients(OutgoingEmail email) => string.Join(", ", email.To.Select(t => t.Address));

    private static string? Describe(AcsError? error) =>
        error is null ? null : $"{error.Code}: {error.Message}";

    /// <summary>Where and how to send: the endpoint and either the access key or the token credential.</summary>
    private sealed record AcsAccess(Uri Endpoint, byte[]? AccessKey, TokenCredential? Credential)
    {
        public bool UsesAccessKey => AccessKey is not null;

        public static AcsAccess From(AcsEmailOptions acs, TokenCredential? credential)
        {
            if (acs.UsesAccessKey)
            {
                var connection = AcsConnectionString.Parse(acs.ConnectionString);
                return new AcsAccess(connection.Endpoint, connection.AccessKey, null);
            }

            var endpoint = AcsEmailOptions.NormalizeEndpoint(acs.Endpoint)
                ?? throw new FormatException($"{EmailOptions.Section}:Acs:Endpoint must be https://<resource>.communication.azure.com/ (was '{acs.Endpoint}').");
            return new AcsAccess(endpoint, null, credential ?? new DefaultAzureCredential());
        }

        // The key must not end up in logs through the record's generated ToString.
        public override string ToString() => $"endpoint={Endpoint};{(UsesAccessKey ? "access key" : "managed identity")}";
    }

    internal sealed record AcsSendRequest(
        string SenderAddress,
        AcsRecipients Recipients,
        AcsContent Content,
        IReadOnlyDictionary<string, string> Headers,
        IReadOnlyList<AcsAddress> ReplyTo,
        bool UserEngagementTrackingDisabled);

    internal sealed record AcsRecipients(IReadOnlyList<AcsAddress> To);

    internal sealed record AcsAddress(string Address, string? DisplayName);

    internal sealed record AcsContent(string Subject, string PlainText, string? Html);

    private sealed record AcsOperationStatus(string? Id, string? Status, AcsError? Error);

    private sealed record AcsErrorResponse(AcsError? Error);

    private sealed record AcsError(string? Code, string? Message);
}
