namespace Helpdesk.Core.Email;

/// <summary>Queues of the inbound mail feature.</summary>
public static class InboundQueues
{
    /// <summary>Stored inbound messages waiting to become tickets or comments (<see cref="InboundMailMessage"/>).</summary>
    public const string Mail = "inbound-email";
}
