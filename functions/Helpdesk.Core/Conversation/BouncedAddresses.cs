using Azure.Data.Tables;
using Helpdesk.Core.Storage;

namespace Helpdesk.Core.Conversation;

/// <summary>
/// Addresses the mail system said cannot receive mail (a hard bounce, a refused mailbox), in table
/// <c>BouncedAddresses</c>: partition = hashed address (<see cref="StorageKeys.Address"/>, no personal data in keys),
/// row <c>bounce</c>. Requester mails are never sent to them; the timeline says so instead. Inbound email (bounce
/// reports) calls <see cref="MarkAsync"/>; a technician's fix of the address calls <see cref="ClearAsync"/>.
/// </summary>
public sealed class BouncedAddresses(StorageClients storage, TimeProvider time)
{
    public const string TableName = "BouncedAddresses";
    public const int MaxReasonLength = 500;
    private const string Row = "bounce";

    private TableClient Table => storage.Table(TableName);

    /// <summary>Marks <paramref name="address"/> as bounced (again: the latest reason wins).</summary>
    public Task MarkAsync(string address, string reason, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ArgumentNullException.ThrowIfNull(reason);
        var entity = new TableEntity(StorageKeys.Address(address), Row)
        {
            ["Reason"] = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason,
            ["At"] = time.GetUtcNow(),
        };
        return Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    /// <summary>The reason <paramref name="address"/> bounced, or null when it did not.</summary>
    public async Task<string?> ReasonAsync(string address, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(address);
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(StorageKeys.Address(address), Row, select: ["Reason"], cancellationToken: ct);
        return found.HasValue ? found.Value!.GetString("Reason") ?? "" : null;
    }

    public async Task<bool> IsBouncedAsync(string address, CancellationToken ct) => await ReasonAsync(address, ct) is not null;

    public Task ClearAsync(string address, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(address);
        return Table.DeleteEntityAsync(StorageKeys.Address(address), Row, cancellationToken: ct);
    }
}
