using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Helpdesk.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Notifications;

/// <summary>
/// Counts acknowledgments per recipient address and clock hour (UTC) in table <c>MailLimits</c>: partition
/// <c>ack-{hash(address)}</c>, row <c>{yyyyMMddHH}</c>, holding the ids of the events it counted. The row is replaced
/// with its ETag (a conflict re-reads and decides again), so concurrent instances never exceed the limit; an event
/// already counted is allowed again without counting twice (queue redelivery).
/// </summary>
public sealed class AcknowledgmentLimiter(StorageClients storage, IOptions<NotificationOptions> options, TimeProvider time, ILogger<AcknowledgmentLimiter> logger)
{
    public const string TableName = "MailLimits";
    private const int MaxAttempts = 50;
    private const char Separator = ' ';

    private TableClient Table => storage.Table(TableName);

    public int Limit => options.Value.MaxAcknowledgmentsPerRecipientPerHour;

    /// <summary>
    /// True when the acknowledgment of <paramref name="eventId"/> may go to <paramref name="recipient"/>: the event
    /// was counted now or before in the hour of <paramref name="at"/>. False when the hour's limit is reached.
    /// </summary>
    public async Task<bool> TryAcquireAsync(string recipient, string eventId, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        if (eventId.Contains(Separator, StringComparison.Ordinal))
        {
            throw new ArgumentException("Event ids must not contain spaces.", nameof(eventId));
        }

        var partition = Partition(recipient);
        var row = HourRow(at);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: ct);
            try
            {
                if (!existing.HasValue)
                {
                    await Table.AddEntityAsync(Entity(partition, row, [eventId]), ct);
                    return true;
                }

                var counted = (existing.Value!.GetString("Events") ?? "").Split(Separator, StringSplitOptions.RemoveEmptyEntries);
                if (counted.Contains(eventId, StringComparer.Ordinal))
                {
                    return true;
                }

                if (counted.Length >= Limit)
                {
                    return false;
                }

                await Table.UpdateEntityAsync(Entity(partition, row, [.. counted, eventId]), existing.Value.ETag, TableUpdateMode.Replace, ct);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another acknowledgment to this address was counted in between: decide again on the fresh row.
                NotificationLog.CounterContended(logger, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 10 + Math.Min(attempt, 10) * 10)), time, ct);
            }
        }
    }

    public static string Partition(string recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return "ack-" + StorageKeys.Address(recipient);
    }

    public static string HourRow(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    private static TableEntity Entity(string partition, string row, IReadOnlyCollection<string> events) => new(partition, row)
    {
        ["Count"] = events.Count,
        ["Events"] = string.Join(Separator, events),
    };
}
