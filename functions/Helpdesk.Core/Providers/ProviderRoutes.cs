namespace Helpdesk.Core.Providers;

/// <summary>The provider directory's routes (technicians). Both hosts bind these names; the parity test compares them.</summary>
public static class ProviderRoutes
{
    /// <summary><c>GET</c> the directory (or whom to call for <c>?category=</c>), <c>POST</c> a new provider.</summary>
    public const string Directory = "providers";

    /// <summary><c>GET</c>, <c>PUT</c> (with <c>If-Match</c>), <c>DELETE</c> one provider.</summary>
    public const string Provider = "providers/{id}";

    /// <summary>Whom to call for one ticket (its asset's provider, then its category's).</summary>
    public const string TicketProviders = "tickets/{number:int}/providers";
}
