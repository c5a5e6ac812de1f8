using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Conversation;

/// <summary>What a requester mail says: plain values, escaped by the template that renders them.</summary>
public sealed record RequesterMailModel(
    int Number,
    string Subject,
    string RequesterName,
    string Author,
    string? Body,
    Priority Priority,
    Uri StatusUrl,
    int ReplyWithinDays,
    string SupportName);
