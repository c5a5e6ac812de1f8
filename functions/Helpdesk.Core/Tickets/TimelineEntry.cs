namespace Helpdesk.Core.Tickets;

/// <summary>One line of a ticket's written trace: who did what, when, and for whom it is visible.</summary>
public sealed record TimelineEntry(
    DateTimeOffset At,
    string Actor,
    string Kind,
    string Text,
    Visibility Visibility,
    IReadOnlyDictionary<string, string>? Data = null);
