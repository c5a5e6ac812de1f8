using System.Text.Json;
using Helpdesk.Core.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Email;

/// <summary>
/// The inbound mail routes, written once for both hosts. The edge only authenticates (Mailgun: its signature, here;
/// the other routes: the inbound key, checked by the host before this runs), enforces the size limit (413), stores
/// the raw message and enqueues it (<see cref="InboundMailIntake"/>), and answers at once: providers retry on errors
/// and time-outs, and the queue consumer does the slow part. Nothing is stored for a refused delivery.
/// </summary>
public sealed class InboundHandler(InboundMailIntake intake, MailRecords records, IOptions<InboundOptions> options, TimeProvider time, ILogger<InboundHandler> logger)
{
    /// <summary>Webhook encodings (form fields, base64 in JSON) carry a message in up to 4/3 of its size, plus fields.</summary>
    private const double EncodingOverhead = 1.4;
    private const int FieldsAllowance = 256 * 1024;

    public Task<IResult> RawAsync(HttpRequest request, CancellationToken ct) => ReceiveAsync(request, InboundFormat.Raw, ct);

    public Task<IResult> SendGridAsync(HttpRequest request, CancellationToken ct) => ReceiveAsync(request, InboundFormat.SendGrid, ct);

    public Task<IResult> MailgunAsync(HttpRequest request, CancellationToken ct) => ReceiveAsync(request, InboundFormat.Mailgun, ct);

    public Task<IResult> PostmarkAsync(HttpRequest request, CancellationToken ct) => ReceiveAsync(request, InboundFormat.Postmark, ct);

    private async Task<IResult> ReceiveAsync(HttpRequest request, InboundFormat format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var o = options.Value;
        var bodyLimit = format == InboundFormat.Raw ? o.MaxMessageBytes : (long)(o.MaxMessageBytes * EncodingOverhead) + FieldsAllowance;
        if (request.ContentLength > bodyLimit)
        {
            return TooLarge(o.MaxMessageBytes);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = bodyLimit;
        }

        request.Body = new BoundedStream(request.Body, bodyLimit, () => new MessageTooLargeException());
        byte[] raw;
        string? mailgunToken = null;
        try
        {
            switch (format)
            {
                case InboundFormat.Raw:
                    using (var buffer = new MemoryStream())
                    {
                        await request.Body.CopyToAsync(buffer, ct);
                        raw = buffer.ToArray();
                    }

                    break;
                case InboundFormat.Postmark:
                    if (!IsJson(request.ContentType))
                    {
                        return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Postmark deliveries are application/json.");
                    }

                    using (var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct))
                    {
                        raw = WebhookMail.FromPostmark(json.RootElement);
                    }

                    break;
                default:
                    if (!request.HasFormContentType)
                    {
                        return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                            "Send multipart/form-data or application/x-www-form-urlencoded, as the provider does.");
                    }

                    var form = await new FormFeature(request, new FormOptions
                    {
                        ValueLengthLimit = (int)Math.Min(bodyLimit, int.MaxValue),
                        MultipartBodyLengthLimit = bodyLimit,
                        ValueCountLimit = 1024,
                    }).ReadFormAsync(ct);
                    if (format == InboundFormat.Mailgun)
                    {
                        if (await RefuseMailgunAsync(form, ct) is { } refusal)
                        {
                            return refusal;
                        }

                        mailgunToken = form["token"].ToString();
                        raw = WebhookMail.FromMailgun(form);
                    }
                    else
                    {
                        raw = WebhookMail.FromSendGrid(form);
                    }

                    break;
            }
        }
        catch (MessageTooLargeException)
        {
            return TooLarge(o.MaxMessageBytes);
        }
        catch (WebhookFormatException ex)
        {
            EmailLog.DeliveryRefused(logger, InboundMailIntake.WireName(format), ex.Message);
            return Problem(StatusCodes.Status400BadRequest, "Malformed delivery", ex.Message);
        }
        catch (JsonException)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed delivery", "The body is not valid JSON.");
        }
        catch (InvalidDataException)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed delivery", "The form body could not be read (malformed multipart or form encoding, or a field over the limits).");
        }
        catch (Exception ex) when (BodyReadFailure.Of(ex) is { } failure)
        {
            return failure.ToResult();
        }

        if (raw.Length == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "Empty message", "The delivery carries no message.");
        }

        if (raw.Length > o.MaxMessageBytes)
        {
            return TooLarge(o.MaxMessageBytes);
        }

        var blob = await intake.AcceptAsync(raw, format, null, ct);
        if (mailgunToken is not null)
        {
            // Only once the message is stored: a delivery that failed before must remain retryable with its token.
            await records.RecordTokenAsync(mailgunToken, time.GetUtcNow(), ct);
        }

        var answer = new AcceptedDto("accepted", blob[..^4]);
        return format == InboundFormat.Raw
            ? TypedResults.Json(answer, HelpdeskJson.Options, statusCode: StatusCodes.Status202Accepted)
            : TypedResults.Json(answer, HelpdeskJson.Options);
    }

    private async Task<IResult?> RefuseMailgunAsync(IFormCollection form, CancellationToken ct)
    {
        var o = options.Value;
        var timestamp = form["timestamp"].ToString();
        var token = form["token"].ToString();
        var signature = form["signature"].ToString();
        if (string.IsNullOrWhiteSpace(o.MailgunSigningKey))
        {
            return Unauthorized("The Mailgun route is not configured: set Helpdesk:Inbound:MailgunSigningKey to the webhook signing key.");
        }

        if (timestamp.Length == 0 || token.Length is 0 or > 200 || signature.Length == 0
            || !MailgunSignature.IsValid(o.MailgunSigningKey, timestamp, token, signature))
        {
            EmailLog.DeliveryRefused(logger, "mailgun", "bad signature");
            return Unauthorized("The Mailgun signature is missing or wrong.");
        }

        if (!MailgunSignature.IsFresh(timestamp, time.GetUtcNow(), o.MailgunMaxAge))
        {
            EmailLog.DeliveryRefused(logger, "mailgun", "stale timestamp");
            return Unauthorized("The Mailgun timestamp is too old (or in the future): refused as a possible replay.");
        }

        if (await records.IsTokenUsedAsync(token, ct))
        {
            EmailLog.DeliveryRefused(logger, "mailgun", "replayed token");
            return Unauthorized("This Mailgun token was already used: refused as a replay.");
        }

        return null;
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static ProblemHttpResult TooLarge(long limit) => Problem(StatusCodes.Status413PayloadTooLarge, "Message too large",
        $"Messages up to {limit / (1024 * 1024)} MiB ({limit} bytes) are accepted; send larger files another way.");

    private static ProblemHttpResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, "Not authenticated", detail);

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
