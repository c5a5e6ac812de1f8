using Helpdesk.Core.Web;

namespace Helpdesk.Core;

/// <summary>Instance-wide settings (section <c>Helpdesk</c>): one instance serves one client company.</summary>
public sealed class HelpdeskOptions
{
    public const string Section = "Helpdesk";

    /// <summary>Base URL of this instance, used in links of mails and API answers.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:7071");

    /// <summary>The support mailbox: sender of every mail and the address requesters reply to.</summary>
    public string SupportAddress { get; set; } = "support@helpdesk.localhost";

    public string SupportName { get; set; } = "IT Support";

    public Uri TicketUrl(int number) => new(PublicBaseUrl, $"/{ApiRoutes.Prefix}/tickets/{number}");
}
