using Helpdesk.Core.Intake;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Conversation;

/// <summary>Everything the status page shows; <see cref="Errors"/> maps a field id to its message; <see cref="Uploads"/> are the limits the "add files" form states.</summary>
public sealed record StatusPageModel(
    string Lang,
    string Token,
    string FormToken,
    Ticket Ticket,
    IReadOnlyList<TimelineEntry> Timeline,
    string? NextStep,
    string? EmergencyPhone,
    SatisfactionRating? Rating,
    int? ChosenRating,
    string? Notice,
    IReadOnlyDictionary<string, string> Errors,
    string? ReplyText,
    TimeZoneInfo Zone,
    IntakeOptions Uploads);
