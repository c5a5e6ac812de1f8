namespace Helpdesk.Core.Conversation;

/// <summary>The requester's rating of a ticket (1–5) and their optional comment; a new rating replaces the old one.</summary>
public sealed record SatisfactionRating(int Number, int Rating, string? Comment, DateTimeOffset At);
