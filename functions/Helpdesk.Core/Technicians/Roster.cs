using Azure;
using Azure.Data.Tables;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Technicians;

/// <summary>
/// The technicians' roster (table <c>Technicians</c>, partition <c>roster</c>, row key = the address's key): one
/// point read finds a person by address (platform sign-in) or by key (its id part). Only key hashes are stored.
/// </summary>
public sealed class Roster(StorageClients storage, TimeProvider time, ILogger<Roster> logger)
{
    public const string Partition = "roster";
    public const int MaxEntries = 500;

    private TableClient Table => storage.Table(TechnicianTables.Roster);

    public static string IdOf(string email) => StorageKeys.Address(email);

    /// <summary>Adds a person and returns their sign-in key (shown once: only its hash is kept), or null when the address is already on the roster.</summary>
    public async Task<(Technician Technician, string Key)?> AddAsync(string name, string email, IReadOnlyList<SupportLevel> levels, string language,
        TechnicianRole role, CancellationToken ct)
    {
        var technician = new Technician(IdOf(email), name.Trim(), email.Trim(), levels, language, role);
        var key = TechnicianKeys.New(technician.Id);
        var entity = ToEntity(technician);
        entity["KeyHash"] = TechnicianKeys.Hash(key);
        entity["CreatedAt"] = time.GetUtcNow();
        try
        {
            await Table.AddEntityAsync(entity, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }

        TechniciansLog.Added(logger, technician.Id, role);
        return (technician, key);
    }

    public async Task<Technician?> GetAsync(string id, CancellationToken ct)
    {
        var entity = await ReadAsync(id, ct);
        return entity is null ? null : ToTechnician(entity);
    }

    public Task<Technician?> FindByEmailAsync(string email, CancellationToken ct) => GetAsync(IdOf(email), ct);

    /// <summary>The person a sign-in key belongs to, or null (unknown id, removed or disabled person, wrong key: all alike).</summary>
    public async Task<Technician?> SignInAsync(string? key, CancellationToken ct)
    {
        if (TechnicianKeys.IdOf(key) is not { } id || await ReadAsync(id, ct) is not { } entity)
        {
            return null;
        }

        return entity.GetString("KeyHash") is { } hash && TechnicianKeys.Matches(key!, hash) && entity.GetBoolean("Disabled") != true ? ToTechnician(entity) : null;
    }

    public async Task<IReadOnlyList<Technician>> ListAsync(CancellationToken ct)
    {
        var list = new List<Technician>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, maxPerPage: MaxEntries, cancellationToken: ct))
        {
            list.Add(ToTechnician(e));
            if (list.Count >= MaxEntries)
            {
                break;
            }
        }

        return [.. list.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<bool> IsEmptyAsync(CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var _ in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: ct))
        {
            return false;
        }

        return true;
    }

    /// <summary>
    /// Changes a person's levels, role, language and whether they are disabled. Refused when it would leave the roster
    /// without an active admin (<see cref="RosterChangeOutcome.LastAdmin"/>).
    /// </summary>
    public Task<RosterChangeOutcome> ChangeAsync(string id, RosterEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return ApplyAsync(id, edit, ct);
    }

    /// <summary>Removes a person; refused for the last active admin.</summary>
    public Task<RosterChangeOutcome> RemoveAsync(string id, CancellationToken ct) => ApplyAsync(id, null, ct);

    /// <summary>
    /// One change (an edit, or removal when <paramref name="edit"/> is null) written with the entry's ETag. When the
    /// person stops being an active admin, the same transaction also touches another active admin's entry with
    /// <em>its</em> ETag: two admins demoting each other at once cannot both succeed (the second finds an ETag
    /// changed and gets <see cref="RosterChangeOutcome.Conflict"/>), so the roster never ends without an admin.
    /// </summary>
    private async Task<RosterChangeOutcome> ApplyAsync(string id, RosterEdit? edit, CancellationToken ct)
    {
        var entries = await EntitiesAsync(ct);
        if (entries.FirstOrDefault(e => e.RowKey == id) is not { } target)
        {
            return RosterChangeOutcome.NotFound;
        }

        var actions = new List<TableTransactionAction>();
        var stillAdmin = false;
        if (edit is null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, target, target.ETag));
        }
        else
        {
            var changed = new TableEntity(target);
            changed["Levels"] = string.Join(",", edit.Levels);
            changed["Role"] = WireName.Of(edit.Role);
            changed["Language"] = edit.Language;
            changed["Disabled"] = edit.Disabled;
            stillAdmin = IsActiveAdmin(changed);
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, changed, target.ETag));
        }

        if (IsActiveAdmin(target) && !stillAdmin)
        {
            if (entries.FirstOrDefault(e => e.RowKey != id && IsActiveAdmin(e)) is not { } other)
            {
                return RosterChangeOutcome.LastAdmin;
            }

            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(Partition, other.RowKey), other.ETag));
        }

        try
        {
            await Table.SubmitTransactionAsync(actions, ct);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 412)
        {
            return RosterChangeOutcome.Conflict;
        }

        if (edit is null)
        {
            TechniciansLog.Removed(logger, id);
        }
        else
        {
            TechniciansLog.Updated(logger, id, edit.Role);
        }

        return RosterChangeOutcome.Done;
    }

    private static bool IsActiveAdmin(TableEntity e) =>
        e.GetString("Role") == WireName.Of(TechnicianRole.Admin) && e.GetBoolean("Disabled") != true;

    private async Task<List<TableEntity>> EntitiesAsync(CancellationToken ct)
    {
        var list = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, maxPerPage: MaxEntries, cancellationToken: ct))
        {
            list.Add(e);
            if (list.Count >= MaxEntries)
            {
                break;
            }
        }

        return list;
    }

    /// <summary>A new key for a person (the old one stops working); null when not on the roster.</summary>
    public async Task<string?> NewKeyAsync(string id, CancellationToken ct)
    {
        if (await ReadAsync(id, ct) is not { } entity)
        {
            return null;
        }

        var key = TechnicianKeys.New(id);
        entity["KeyHash"] = TechnicianKeys.Hash(key);
        await Table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, ct);
        TechniciansLog.KeyReplaced(logger, id);
        return key;
    }

    private async Task<TableEntity?> ReadAsync(string id, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: ct);
        return response.HasValue ? response.Value : null;
    }

    private static TableEntity ToEntity(Technician t) => new(Partition, t.Id)
    {
        ["Name"] = t.Name,
        ["Email"] = t.Email,
        ["Levels"] = string.Join(",", t.Levels),
        ["Language"] = t.Language,
        ["Role"] = WireName.Of(t.Role),
    };

    private static Technician ToTechnician(TableEntity e) => new(
        e.RowKey,
        e.GetString("Name") ?? "",
        e.GetString("Email") ?? "",
        [.. (e.GetString("Levels") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<SupportLevel>).Order()],
        e.GetString("Language") ?? "fr",
        WireName.TryParse<TechnicianRole>(e.GetString("Role") ?? "", out var role) ? role : TechnicianRole.Technician)
    {
        Disabled = e.GetBoolean("Disabled") == true,
    };
}
