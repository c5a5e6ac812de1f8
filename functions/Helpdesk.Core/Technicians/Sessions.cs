using Azure;
using Azure.Data.Tables;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Web;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Technicians;

/// <summary>
/// Console sessions of the standalone host's local sign-in (table <c>Sessions</c>): the cookie carries a random token,
/// the table only its hash, so a copy of the table signs nobody in. Kept in storage rather than in a signed cookie so
/// that signing out (or removing a person from the roster) ends the session at once, on every instance.
/// </summary>
public sealed class Sessions(StorageClients storage, Roster roster, TimeProvider time, IOptions<TechniciansOptions> options)
{
    public const string Partition = "session";
    public const int MaxTokenLength = 100;

    private TableClient Table => storage.Table(TechnicianTables.Sessions);

    /// <summary>Opens a session and returns the token to put in the cookie.</summary>
    public async Task<string> OpenAsync(Technician technician, CancellationToken ct)
    {
        var token = Base64Url.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await Table.AddEntityAsync(new TableEntity(Partition, StorageKeys.Hash(token))
        {
            ["TechnicianId"] = technician.Id,
            ["ExpiresAt"] = time.GetUtcNow() + options.Value.SessionLifetime,
        }, ct);
        return token;
    }

    /// <summary>The person of a live session: two point reads (session, roster). Null when expired, unknown, no longer on the roster or disabled.</summary>
    public async Task<Technician?> ResolveAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        var response = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, StorageKeys.Hash(token), cancellationToken: ct);
        if (!response.HasValue || response.Value!.GetDateTimeOffset("ExpiresAt") is not { } expires || expires <= time.GetUtcNow())
        {
            return null;
        }

        return response.Value.GetString("TechnicianId") is { } id && await roster.GetAsync(id, ct) is { Disabled: false } person ? person : null;
    }

    public async Task CloseAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return;
        }

        try
        {
            await Table.DeleteEntityAsync(Partition, StorageKeys.Hash(token), ETag.All, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already closed or expired and swept.
        }
    }
}
