using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure.Storage.Queues;
using Helpdesk.Core.Localization;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Sla;

/// <summary>The group mailbox of each support level.</summary>
public sealed class SlaGroupOptions
{
    public string L1 { get; set; } = "l1@helpdesk.localhost";
    public string L2 { get; set; } = "l2@helpdesk.localhost";
    public string L3 { get; set; } = "l3@helpdesk.localhost";
}
