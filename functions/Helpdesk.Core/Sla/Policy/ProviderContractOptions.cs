namespace Helpdesk.Core.Sla;

public sealed class ProviderContractOptions
{
    // Contracted time for the provider to answer while the ticket waits on it.
    public TimeSpan Response { get; set; }

    public bool TwentyFourSeven { get; set; }
}
