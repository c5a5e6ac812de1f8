namespace Helpdesk.Core.Technicians;

/// <summary>
/// Settings of the identity feature (section <c>Helpdesk:Technicians</c>).
/// </summary>
public sealed class TechniciansOptions
{
    public const string Section = "Helpdesk:Technicians";

    /// <summary>How long a console session of the local sign-in lasts (default 12 hours: a working day, then sign in again).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// When the roster is empty at start, this address is added as its first admin (so that someone can sign in and
    /// add the others). Empty: nobody is added.
    /// </summary>
    public string? FirstAdminEmail { get; set; }

    public string FirstAdminName { get; set; } = "Admin";

    /// <summary>Where the first admin's sign-in key is written (mode 600), since it is shown only once. Empty: not written.</summary>
    public string? FirstAdminKeyFile { get; set; }

    /// <summary>
    /// Trust the <c>X-MS-CLIENT-PRINCIPAL</c> header. Only true behind App Service authentication (Easy Auth), which
    /// strips that header from what clients send and sets it itself; anywhere else a client could forge it.
    /// </summary>
    public bool TrustPlatformPrincipal { get; set; }

    /// <summary>
    /// Whether people may sign in to the console with their personal key. True by default; a host that offers its own
    /// sign-in (the standalone host's OpenID Connect) may turn keys off, so that only the organisation's accounts (with
    /// their MFA and leaver process) open sessions.
    /// </summary>
    public bool KeySignIn { get; set; } = true;

    /// <summary>Sign-in attempts allowed per client address and minute on the local sign-in form.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;
}
