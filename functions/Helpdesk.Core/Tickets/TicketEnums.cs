namespace Helpdesk.Core.Tickets;

public enum TicketStatus
{
    New,
    InProgress,
    WaitingOnRequester,
    WaitingOnProvider,
    Resolved,
    Closed,
}

public enum Category
{
    Hardware,
    Software,
    BusinessSoftware,
    Network,
    Internet,
    Account,
    Printer,
    Security,
    Other,
}

/// <summary>Who is affected: "just me", "my team", "the whole company".</summary>
public enum Impact
{
    Individual,
    Team,
    Organization,
}

/// <summary>The urgency question asked of the requester: "can you still do other work?".</summary>
public enum CanWork
{
    Yes,
    Partly,
    No,
}

public enum WaitingOn
{
    Requester,
    Provider,
}

public enum Visibility
{
    Public,
    Internal,
}

public static class TicketStatusExtensions
{
    public static bool IsOpen(this TicketStatus status) => status is not (TicketStatus.Resolved or TicketStatus.Closed);

    public static bool IsWaiting(this TicketStatus status) => status is TicketStatus.WaitingOnRequester or TicketStatus.WaitingOnProvider;
}
