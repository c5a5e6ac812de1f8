using Helpdesk.Core.Notifications;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Sla;

/// <summary>
/// A notification mail ready to deliver: the mail, the timeline line that proves it was sent (deterministic id and
/// instant), and the earliest instant it may go out (recipients' working hours).
/// </summary>
public sealed record SlaMail(int TicketNumber, string EntryId, DateTimeOffset At, DateTimeOffset NotBefore, OutgoingEmail Email, TimelineEntry Entry);
