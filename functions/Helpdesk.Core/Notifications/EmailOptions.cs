
namespace Helpdesk.Core.Notifications;

/// <summary>
/// Which adapter sends outbound mail (section <c>Helpdesk:Email</c>): <c>Smtp</c> (default, settings in
/// <c>Helpdesk:Smtp</c>) or <c>Acs</c> (Azure Communication Services Email REST API, settings in <c>Helpdesk:Email:Acs</c>).
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Helpdesk:Email";
    public const string SmtpProvider = "Smtp";
    public const string AcsProvider = "Acs";

    /// <summary><c>Smtp</c> (also when empty) or <c>Acs</c>, case-insensitive.</summary>
    public string? Provider { get; set; } = SmtpProvider;

    public AcsEmailOptions Acs { get; set; } = new();

    public bool UsesAcs => EffectiveProvider.Equals(AcsProvider, StringComparison.OrdinalIgnoreCase);

    internal string EffectiveProvider => string.IsNullOrWhiteSpace(Provider) ? SmtpProvider : Provider.Trim();
}
