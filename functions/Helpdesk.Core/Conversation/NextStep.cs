using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Conversation;

/// <summary>
/// What happens next, in the requester's words, from the SLA clock's live state (<see cref="SlaStatus"/>): the deadline
/// of the running target in business time (after any pause, unlike <see cref="Ticket.DueAt"/>, which counts from creation
/// and orders the queues), "we are waiting for your answer" while the clock is paused on the requester, an apology
/// instead of a time already passed. Pure: the caller gives the clock's state and the time.
/// </summary>
public static class NextStep
{
    /// <param name="sla">The clock as read now, or null before the clock started (then <see cref="Ticket.DueAt"/>, which equals the clock's deadline until a first pause).</param>
    public static string? Words(Ticket ticket, SlaStatus? sla, string lang, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return ticket.Status switch
        {
            TicketStatus.New => Target(sla?.FirstResponse, ticket.DueAt, "status.next.response", lang, now, zone),
            TicketStatus.InProgress => Target(sla?.Resolution, ticket.DueAt, "status.next.resolution", lang, now, zone),
            TicketStatus.WaitingOnRequester => ConversationTexts.Get(lang, "status.next.waiting"),
            TicketStatus.WaitingOnProvider => ConversationTexts.Get(lang, "status.next.provider"),
            TicketStatus.Resolved => ConversationTexts.Get(lang, "status.next.resolved"),
            TicketStatus.Closed => ConversationTexts.Get(lang, "status.next.closed"),
            _ => null,
        };
    }

    private static string Target(SlaTargetStatus? target, DateTimeOffset? fallback, string key, string lang, DateTimeOffset now, TimeZoneInfo zone)
    {
        string Promise(DateTimeOffset due) => ConversationTexts.Format(lang, key, PromisedTime.Words(lang, due, now, zone));
        return target switch
        {
            null when fallback is { } due && due > now => Promise(due),
            null when fallback is not null => ConversationTexts.Get(lang, key + ".late"),
            { State: SlaTargetState.Running, Due: { } due } => Promise(due),
            { State: SlaTargetState.Breached } => ConversationTexts.Get(lang, key + ".late"),
            // Paused or met by the clock while the ticket says otherwise: the ticket's change is still on its way to
            // the clock (a queue hop). No time rather than a wrong one.
            _ => ConversationTexts.Get(lang, "status.next.working"),
        };
    }
}
