namespace Helpdesk.Core.Sla;

public sealed class SlaLevelSharesOptions
{
    public double L1 { get; set; } = 0.5;

    public double L2 { get; set; } = 0.3;

    public double L3 { get; set; } = 0.2;
}
