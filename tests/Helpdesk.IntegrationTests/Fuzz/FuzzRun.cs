namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>How a run went: requests asked and sent, time taken, and why it stopped early (null when it did not).</summary>
public sealed record FuzzRun(int Requested, int Sent, TimeSpan Elapsed, string? StoppedBecause)
{
    public bool Complete => StoppedBecause is null && Sent == Requested;

    public double PerSecond => Sent / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
