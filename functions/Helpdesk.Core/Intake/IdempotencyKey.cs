using Microsoft.AspNetCore.Http;

namespace Helpdesk.Core.Intake;

/// <summary>
/// The key that makes a retried submission return its first ticket instead of a second one: the
/// <c>Idempotency-Key</c> header, or else the HTML form's one-time <c>formToken</c>. <see cref="Value"/> is null when
/// the request carries neither; <see cref="IsValid"/> is false for a key that is too long or holds control characters.
/// </summary>
public readonly record struct IdempotencyKey(string? Value, bool IsValid)
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 200;

    public static IdempotencyKey Of(HttpRequest request, TicketSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(submission);
        var key = request.Headers[Header].ToString();
        key = string.IsNullOrWhiteSpace(key) ? submission.FormToken?.Trim() : key.Trim();
        if (string.IsNullOrEmpty(key))
        {
            return new IdempotencyKey(null, IsValid: true);
        }

        return new IdempotencyKey(key, IsValid: key.Length <= MaxLength && !key.Any(char.IsControl));
    }
}
