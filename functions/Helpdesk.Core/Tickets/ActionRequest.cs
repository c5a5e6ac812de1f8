namespace Helpdesk.Core.Tickets;

/// <summary>Body of <c>POST /api/tickets/{number}/{action}</c>; which fields count depends on the action.</summary>
public sealed record ActionRequest
{
    /// <summary>
    /// On whose behalf a machine key acts (recorded as "NAME (key KEYNAME)"). Refused from a signed-in person unless it
    /// is their own name or address. Also accepted as the <c>X-Helpdesk-Actor</c> header.
    /// </summary>
    public string? Actor { get; init; }

    /// <summary>Comment text, or a note for acknowledge, wait, resume, close.</summary>
    public string? Text { get; init; }

    /// <summary>For comments: public (the requester sees it) or internal. Default internal.</summary>
    public Visibility? Visibility { get; init; }

    public string? Assignee { get; init; }

    /// <summary>For wait: requester or provider.</summary>
    public WaitingOn? On { get; init; }

    /// <summary>For wait on the requester: the question to ask them (public, mailed to the requester).</summary>
    public string? Question { get; init; }

    /// <summary>For wait on a provider: which one (internet provider, software vendor...).</summary>
    public string? Provider { get; init; }

    public string? Reason { get; init; }
    public string? Resolution { get; init; }

    /// <summary>For reprioritize: the new priority (p1 to p4).</summary>
    public Priority? Priority { get; init; }
}
