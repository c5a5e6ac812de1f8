using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Sla;

/// <summary>Who receives SLA notifications (section <c>Helpdesk:Sla:Notifications</c>).</summary>
public sealed class SlaNotificationOptions
{
    public const string SectionName = "Helpdesk:Sla:Notifications";

    public SlaGroupOptions Groups { get; set; } = new();

    /// <summary>Also receives every breach notification.</summary>
    public string Managers { get; set; } = "managers@helpdesk.localhost";

    /// <summary>Language of technicians' mails: <c>fr</c>, <c>en</c> or <c>both</c> (French then English).</summary>
    public string Language { get; set; } = "both";

    public string AddressOf(SupportLevel level) => level switch
    {
        SupportLevel.L1 => Groups.L1,
        SupportLevel.L2 => Groups.L2,
        _ => Groups.L3,
    };

    public IReadOnlyList<string> Languages => Language.Trim().ToLowerInvariant() switch
    {
        "fr" => [Localization.Language.French],
        "en" => [Localization.Language.English],
        _ => [Localization.Language.French, Localization.Language.English],
    };
}
