using System.Globalization;
using Helpdesk.Core.Security;
using Helpdesk.Core.Web;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Conversation;

/// <summary>
/// Status links <c>/api/status/{number}-{expires}-{signature}</c>: the signature is an HMAC (<see cref="Signer"/>, its
/// own purpose) over the ticket number, the requester's address and the expiry, so a link cannot be guessed, moved to
/// another ticket, given to another requester's ticket or stretched in time. Links are deterministic for a given mail
/// (the expiry counts from the mail's event), so a mail sent again carries the same link. The page's forms carry a
/// second, short-lived token (<see cref="FormToken"/>) over the link and the time the page was shown.
/// </summary>
public sealed class StatusLinks(Signer signer, IOptions<HelpdeskOptions> helpdesk, IOptions<ConversationOptions> options)
{
    private const string LinkPurpose = "status-link";
    private const string FormPurpose = "status-form";
    private const int SignatureBytes = 16;

    /// <summary>How long a page's forms can be posted after the page was shown.</summary>
    public static readonly TimeSpan FormLifetime = TimeSpan.FromHours(12);

    /// <summary>The token of a link issued at <paramref name="issuedAt"/>, valid for <see cref="ConversationOptions.StatusLinkDays"/>.</summary>
    public string Token(int number, string requesterEmail, DateTimeOffset issuedAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        ArgumentNullException.ThrowIfNull(requesterEmail);
        var expires = issuedAt.AddDays(options.Value.StatusLinkDays).ToUnixTimeSeconds();
        return TokenUntil(number, requesterEmail, expires);
    }

    /// <summary>The token of a link that expires at <paramref name="expiresUnixSeconds"/> (tests and the page itself).</summary>
    public string TokenUntil(int number, string requesterEmail, long expiresUnixSeconds)
    {
        var n = number.ToString(CultureInfo.InvariantCulture);
        var e = expiresUnixSeconds.ToString(CultureInfo.InvariantCulture);
        return $"{n}-{e}-{signer.Sign(LinkPurpose, Data(n, requesterEmail, e), SignatureBytes)}";
    }

    public Uri Url(int number, string requesterEmail, DateTimeOffset issuedAt) =>
        new(helpdesk.Value.PublicBaseUrl, $"/{ApiRoutes.Prefix}/status/{Token(number, requesterEmail, issuedAt)}");

    /// <summary>The ticket number and expiry written in a token, when it is well formed (the signature is not checked here).</summary>
    public static bool TryParse(string? token, out int number, out DateTimeOffset expires)
    {
        number = 0;
        expires = default;
        var parts = token?.Split('-');
        if (parts is not { Length: 3 } || parts[0].Length is 0 or > 10 || parts[1].Length is 0 or > 12 || parts[2].Length != SignatureBytes * 2)
        {
            return false;
        }

        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out number) || number <= 0
            || number.ToString(CultureInfo.InvariantCulture) != parts[0]
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        expires = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    /// <summary>True when the token was issued by this instance for this ticket and requester (constant-time check).</summary>
    public bool Verify(string token, int number, string requesterEmail)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split('-');
        return parts.Length == 3
            && parts[0] == number.ToString(CultureInfo.InvariantCulture)
            && signer.Verify(LinkPurpose, Data(parts[0], requesterEmail, parts[1]), parts[2]);
    }

    /// <summary>The per-form token of a page shown at <paramref name="now"/> for the link <paramref name="statusToken"/>.</summary>
    public string FormToken(string statusToken, DateTimeOffset now)
    {
        var t = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return t + "." + signer.Sign(FormPurpose, statusToken + "|" + t, SignatureBytes);
    }

    /// <summary>True when <paramref name="formToken"/> was issued for this link less than <see cref="FormLifetime"/> ago.</summary>
    public bool VerifyFormToken(string statusToken, string? formToken, DateTimeOffset now)
    {
        var parts = formToken?.Split('.');
        if (parts is not { Length: 2 } || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        var issued = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return issued <= now.AddMinutes(1) && now - issued <= FormLifetime
            && signer.Verify(FormPurpose, statusToken + "|" + parts[0], parts[1]);
    }

    // Addresses are compared without case: the same requester whatever the spelling.
    private static string Data(string number, string email, string expires) => number + "|" + email.Trim().ToLowerInvariant() + "|" + expires;
}
