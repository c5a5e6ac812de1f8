using System.Globalization;

namespace Helpdesk.IntegrationTests.Fuzz;

/// <summary>
/// What the generator knows of the host under test: its technician key, the intake limits it runs with, and which
/// ticket numbers probably exist. The attachment and multipart limits are lowered (<see cref="HostSettings"/>) so that
/// a few thousand requests can cross every limit without each moving tens of megabytes; the code paths crossed are
/// those of the default limits.
/// </summary>
public sealed record FuzzTarget(string ApiKey)
{
    /// <summary>SubmissionReader's fixed limit for one multipart text field.</summary>
    public const int MaxMultipartFieldBytes = 32 * 1024;

    /// <summary>TicketApi's fixed limit for an action body.</summary>
    public const int MaxActionBodyBytes = 32 * 1024;

    /// <summary>TicketApi's limit for an Idempotency-Key.</summary>
    public const int MaxIdempotencyKeyLength = 200;

    /// <summary>Helpdesk:Intake:MaxFormBytes's default.</summary>
    public const int DefaultMaxFormBytes = 64 * 1024;

    /// <summary>The default: cheap to cross, so not lowered.</summary>
    public int MaxFormBytes { get; init; } = DefaultMaxFormBytes;

    public int MaxAttachments { get; init; } = 5;

    public long MaxAttachmentBytes { get; init; } = 256 * 1024;

    public long MaxRequestBytes { get; init; } = 1024 * 1024;

    /// <summary>The first number a fresh store allocates (Helpdesk:Tickets:FirstNumber's default).</summary>
    public int FirstTicketNumber { get; init; } = 1001;

    /// <summary>Technician requests mostly aim at the first tickets, which the priming requests create.</summary>
    public int LikelyTickets { get; init; } = 40;

    /// <summary>The settings the host must run with (configuration keys; environment variables use <c>__</c> for <c>:</c>).</summary>
    public IReadOnlyDictionary<string, string> HostSettings() => new Dictionary<string, string>
    {
        ["Helpdesk:Intake:MaxFormBytes"] = MaxFormBytes.ToString(CultureInfo.InvariantCulture),
        ["Helpdesk:Intake:MaxAttachments"] = MaxAttachments.ToString(CultureInfo.InvariantCulture),
        ["Helpdesk:Intake:MaxAttachmentBytes"] = MaxAttachmentBytes.ToString(CultureInfo.InvariantCulture),
        ["Helpdesk:Intake:MaxRequestBytes"] = MaxRequestBytes.ToString(CultureInfo.InvariantCulture),
    };
}
