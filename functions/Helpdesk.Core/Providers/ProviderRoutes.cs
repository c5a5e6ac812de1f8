namespace Helpdesk.Core.Providers;

/// <summary>The provider directory's routes (technicians). Both hosts bind these names; the parity test compares them.</summary>
public static class ProviderRoutes
{
    public const string Directory = "providers";

    /// <summary>Whom to call for one ticket (its asset's provider, then its category's).</summary>
    public const string TicketProviders = "tickets/{number:int}/providers";
}
