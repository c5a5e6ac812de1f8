namespace Helpdesk.Core.Sla;

// Defaults. A "business day" is the default 08:30-17:30 day, i.e. 9 business hours.
//   P1: first response 30 min, resolution 4 h, counted 24/7 (an outage does not wait for Monday).
//   P2: first response 2 h,    resolution 8 h (about one business day).
//   P3: first response 4 h,    resolution 27 h (3 business days).
//   P4: first response 8 h,    resolution 45 h (5 business days).
// Level shares L1 0.5 / L2 0.3 / L3 0.2 of the resolution target; warning at 75 % of a target.

public sealed class SlaPolicyOptions
{
    public const string SectionName = "Helpdesk:Sla";

    public SlaPriorityOptions P1 { get; set; } = new()
    {
        FirstResponse = TimeSpan.FromMinutes(30),
        Resolution = TimeSpan.FromHours(4),
        TwentyFourSeven = true,
    };

    public SlaPriorityOptions P2 { get; set; } = new() { FirstResponse = TimeSpan.FromHours(2), Resolution = TimeSpan.FromHours(8) };

    public SlaPriorityOptions P3 { get; set; } = new() { FirstResponse = TimeSpan.FromHours(4), Resolution = TimeSpan.FromHours(27) };

    public SlaPriorityOptions P4 { get; set; } = new() { FirstResponse = TimeSpan.FromHours(8), Resolution = TimeSpan.FromHours(45) };

    public SlaLevelSharesOptions LevelShares { get; set; } = new();

    // Fraction of a target after which a warning is due.
    public double WarningThreshold { get; set; } = 0.75;

    // Contracts with external providers, by name (e.g. "internet-provider"). None by default: they are per tenant.
    public Dictionary<string, ProviderContractOptions> Providers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
