namespace Helpdesk.Core.Operations;

/// <summary>The admins' operations API. Both hosts bind these names; the parity test compares them.</summary>
public static class OperationsRoutes
{
    /// <summary>Every poison queue's messages, with their reason.</summary>
    public const string Poison = "operations/poison";

    /// <summary>Puts one poison message back on its queue (<c>{queue}</c> = the product queue, <c>{id}</c> = the poison message's id).</summary>
    public const string Replay = "operations/poison/{queue}/{id}/replay";
}
