namespace Helpdesk.Core.Maintenance;

/// <summary>
/// What one scan did, written when it starts (<c>running</c>) and when it ends (<c>succeeded</c> or <c>failed</c>, with
/// <see cref="Failure"/>). A run found still <c>running</c> by the next scan is marked <c>interrupted</c>;
/// <see cref="MissedRuns"/> counts the scheduled scans that did not run since the previous one.
/// </summary>
public sealed record MaintenanceRun
{
    public required string Id { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public required string Status { get; init; }
    public int AssetsRead { get; init; }
    public int Findings { get; init; }
    public int NewReminders { get; init; }
    public int RemindersCleared { get; init; }
    public int MailsSent { get; init; }
    public int TicketsOpened { get; init; }
    public int TicketsPending { get; init; }
    public int Failures { get; init; }
    public string? Failure { get; init; }
    public int MissedRuns { get; init; }
    public string? PreviousRunInterrupted { get; init; }
    public long? DurationMs { get; init; }
}
