namespace Helpdesk.Core.Web;

/// <summary>What every feature's routes share. Each feature names its own routes (IntakeRoutes, TicketRoutes...).</summary>
public static class ApiRoutes
{
    /// <summary>Prefix that both hosts put before every route (the Functions default, host.json <c>routePrefix</c>).</summary>
    public const string Prefix = "api";
}
