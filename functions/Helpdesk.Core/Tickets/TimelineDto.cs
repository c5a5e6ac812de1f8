namespace Helpdesk.Core.Tickets;

/// <summary>One line of a ticket's timeline.</summary>
public sealed record TimelineDto(DateTimeOffset At, string Actor, string Kind, string Text, Visibility Visibility,
    IReadOnlyDictionary<string, string>? Data);
