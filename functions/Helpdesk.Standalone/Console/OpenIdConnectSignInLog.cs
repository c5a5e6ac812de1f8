namespace Helpdesk.Standalone.Console;

/// <summary>
/// The protocol side of the console's OpenID Connect sign-in (event ids 13010–13019; the roster decisions are Core's
/// 13001–13009). Never a token, code or secret: the exceptions of the identity libraries hide personal data by default.
/// </summary>
internal static partial class OpenIdConnectSignInLog
{
    [LoggerMessage(EventId = 13010, EventName = "ExternalSignInFailed", Level = LogLevel.Warning,
        Message = "OpenID Connect sign-in did not complete (cancelled, refused by the provider, expired, or a token that failed validation); answered the sign-in page.")]
    public static partial void Failed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 13011, EventName = "ExternalSignInNoAddress", Level = LogLevel.Warning,
        Message = "OpenID Connect sign-in refused: the id token has no email, preferred_username or upn address (ask for the email scope or add the claim).")]
    public static partial void NoAddress(ILogger logger);

    [LoggerMessage(EventId = 13012, EventName = "ExternalSignInProviderUnreachable", Level = LogLevel.Error,
        Message = "OpenID Connect sign-in could not start: the provider's discovery document could not be read.")]
    public static partial void ProviderUnreachable(ILogger logger, Exception exception);
}
