namespace Helpdesk.Core.Conversation;

/// <summary>The conversation's routes; both hosts bind these names and the parity test compares them.</summary>
public static class ConversationRoutes
{
    /// <summary>The requester's status page (GET) and its forms (POST): public, the signed token is the key.</summary>
    public const string Status = "status/{token}";

    /// <summary>Satisfaction per month (technicians): <c>?month=YYYY-MM</c>.</summary>
    public const string SatisfactionReport = "reports/satisfaction";
}
