namespace Helpdesk.Core.Tickets;

/// <summary>
/// The ticket state machine. Pure: no I/O, the time is given. Rules:
/// new → (acknowledge) in-progress ⇄ (wait/resume) waiting-on-requester | waiting-on-provider;
/// any open state → (resolve) resolved → (close) closed, or (reopen) in-progress; escalate raises L1 → L2 → L3
/// while open; reprioritize changes the priority while open; comment and assign are allowed while the ticket is not closed (assign: while open).
/// </summary>
public static class TicketWorkflow
{
    /// <summary>
    /// Commands that only add a timeline line and leave the ticket itself as it is (a comment). They need no
    /// optimistic concurrency: <see cref="TicketService"/> appends the line without the ticket's ETag, so any number of
    /// technicians can comment at once. Every other command changes the ticket (status, assignee, level, priority...).
    /// </summary>
    public static bool AppendsOnly(TicketCommand command) => command is Comment;

    public static TicketChange Apply(Ticket ticket, TicketCommand command, DateTimeOffset now)
    {
        if (ticket.Status == TicketStatus.Closed)
        {
            throw new InvalidTransitionException(
                $"Ticket {ticket.Reference} is closed and can no longer change. Open a new ticket and mention {ticket.Reference}.");
        }

        var (after, kind, text, visibility, data) = command switch
        {
            Acknowledge a => Acknowledged(ticket, a),
            Comment c => Commented(ticket, c),
            Assign a => Assigned(ticket, a),
            Wait w => Waiting(ticket, w),
            Resume r => Resumed(ticket, r),
            Escalate e => Escalated(ticket, e),
            Reprioritize p => Reprioritized(ticket, p),
            Resolve r => Resolved(ticket, r, now),
            Reopen r => Reopened(ticket, r),
            Close c => Closed(ticket, c, now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown command."),
        };

        // A comment leaves the ticket untouched (After is Before): updatedAt is the last change of the ticket itself.
        after = AppendsOnly(command) ? ticket : after with
        {
            UpdatedAt = now,
            AcknowledgedAt = kind == TicketEventKind.Acknowledged ? now : after.AcknowledgedAt,
        };
        var entry = new TimelineEntry(now, command.Actor, WireName.Of(kind), text, visibility, data);
        return new TicketChange(ticket, after, entry, kind);
    }

    private static Outcome Acknowledged(Ticket t, Acknowledge a)
    {
        if (t.Status != TicketStatus.New)
        {
            throw new InvalidTransitionException($"Ticket {t.Reference} was already acknowledged at {t.AcknowledgedAt:u}.");
        }

        return new(t with { Status = TicketStatus.InProgress, Assignee = t.Assignee ?? a.Actor }, TicketEventKind.Acknowledged,
            a.Text ?? $"Acknowledged by {a.Actor}.", Visibility.Public);
    }

    private static Outcome Commented(Ticket t, Comment c) =>
        new(t, TicketEventKind.Commented, c.Text, c.Visibility);

    private static Outcome Assigned(Ticket t, Assign a)
    {
        RequireOpen(t, "assigned");
        return new(t with { Assignee = a.Assignee }, TicketEventKind.Assigned, $"Assigned to {a.Assignee}.", Visibility.Internal,
            new Dictionary<string, string> { ["assignee"] = a.Assignee, ["previous"] = t.Assignee ?? "" });
    }

    private static Outcome Waiting(Ticket t, Wait w)
    {
        if (t.Status == TicketStatus.New)
        {
            throw new InvalidTransitionException($"Ticket {t.Reference} must be acknowledged before it can wait on someone.");
        }

        if (t.Status.IsWaiting())
        {
            throw new InvalidTransitionException($"Ticket {t.Reference} is already waiting on the {WireName.Of(t.WaitingOn!.Value)}; resume it first.");
        }

        RequireOpen(t, "put on hold");
        var status = w.On == WaitingOn.Requester ? TicketStatus.WaitingOnRequester : TicketStatus.WaitingOnProvider;
        var who = w.On == WaitingOn.Requester ? "the requester" : $"provider {w.Provider}";
        var data = new Dictionary<string, string> { ["on"] = WireName.Of(w.On) };
        if (w.Provider is not null)
        {
            data["provider"] = w.Provider;
        }

        // A question is for the requester's eyes (and mailed to them); any other hold is an internal note.
        if (w.Question is not null)
        {
            data["question"] = w.Question;
            return new(t with { Status = status, WaitingOn = w.On, Provider = w.Provider }, TicketEventKind.Waiting,
                w.Question, Visibility.Public, data);
        }

        return new(t with { Status = status, WaitingOn = w.On, Provider = w.Provider }, TicketEventKind.Waiting,
            w.Text ?? $"Waiting on {who}.", Visibility.Internal, data);
    }

    private static Outcome Resumed(Ticket t, Resume r)
    {
        if (!t.Status.IsWaiting())
        {
            throw new InvalidTransitionException($"Ticket {t.Reference} is not waiting (status {WireName.Of(t.Status)}), so it cannot be resumed.");
        }

        return new(t with { Status = TicketStatus.InProgress, WaitingOn = null, Provider = null }, TicketEventKind.Resumed,
            r.Text ?? "Work resumed.", Visibility.Internal);
    }

    private static Outcome Escalated(Ticket t, Escalate e)
    {
        RequireOpen(t, "escalated");
        if (t.Level == SupportLevel.L3)
        {
            throw new InvalidTransitionException($"Ticket {t.Reference} is already at L3, the highest support level.");
        }

        if (e.From is { } from && t.Level != from)
        {
            throw new InvalidTransitionException($"Ticket {t.Reference} is at {t.Level}, no longer at {from}: it was already escalated.");
        }

        var next = t.Level + 1;
        var how = e.Automatic ? "Escalated automatically" : $"Escalated by {e.Actor}";
        return new(t with { Level = next }, TicketEventKind.Escalated,
            $"{how} from {t.Level} to {next}." + (string.IsNullOrWhiteSpace(e.Reason) ? "" : " " + e.Reason), Visibility.Internal,
            new Dictionary<string, string> { ["from"] = t.Level.ToString(), ["to"] = next.ToString(), ["automatic"] = e.Automatic ? "true" : "false" });
    }

    private static Outcome Reprioritized(Ticket t, Reprioritize p)
    {
        RequireOpen(t, "reprioritized");
        if (t.Priority == p.Priority)
        {
            throw new InvalidTransitionException($"Ticket {t.Reference} already has priority {p.Priority}.");
        }

        return new(t with { Priority = p.Priority }, TicketEventKind.PriorityChanged,
            $"Priority changed from {t.Priority} to {p.Priority} by {p.Actor}." + (string.IsNullOrWhiteSpace(p.Reason) ? "" : " " + p.Reason),
            Visibility.Internal,
            new Dictionary<string, string> { ["from"] = t.Priority.ToString(), ["to"] = p.Priority.ToString() });
    }

    private static Outcome Resolved(Ticket t, Resolve r, DateTimeOffset now)
    {
        RequireOpen(t, "resolved");
        return new(t with { Status = TicketStatus.Resolved, Resolution = r.Resolution, ResolvedAt = now, WaitingOn = null, Provider = null },
            TicketEventKind.Resolved, r.Resolution, Visibility.Public);
    }

    private static Outcome Reopened(Ticket t, Reopen r)
    {
        if (t.Status != TicketStatus.Resolved)
        {
            throw new InvalidTransitionException($"Only a resolved ticket can be reopened; ticket {t.Reference} is {WireName.Of(t.Status)}.");
        }

        return new(t with { Status = TicketStatus.InProgress, ResolvedAt = null, Resolution = null }, TicketEventKind.Reopened,
            r.Reason ?? "Reopened.", Visibility.Public);
    }

    private static Outcome Closed(Ticket t, Close c, DateTimeOffset now)
    {
        if (t.Status != TicketStatus.Resolved)
        {
            throw new InvalidTransitionException($"Ticket {t.Reference} must be resolved before it is closed (it is {WireName.Of(t.Status)}).");
        }

        return new(t with { Status = TicketStatus.Closed, ClosedAt = now }, TicketEventKind.Closed, c.Text ?? "Closed.", Visibility.Public);
    }

    private static void RequireOpen(Ticket t, string verb)
    {
        if (!t.Status.IsOpen())
        {
            throw new InvalidTransitionException($"Ticket {t.Reference} is {WireName.Of(t.Status)} and cannot be {verb}; reopen it first.");
        }
    }

    private readonly record struct Outcome(
        Ticket Ticket,
        TicketEventKind Kind,
        string Text,
        Visibility Visibility,
        IReadOnlyDictionary<string, string>? Data = null);
}
