using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Conversation;

/// <summary>
/// Table <c>Satisfaction</c>: row <c>(t-{number}, rating)</c> is the ticket's one rating (a new one replaces it, with
/// its ETag); rows <c>(m-{yyyy-MM}, {number})</c> index the ratings by the month they were given (UTC), so the monthly
/// report reads one partition. When a replacement falls in another month, the old month's row is removed.
/// </summary>
public sealed class SatisfactionStore(StorageClients storage)
{
    public const string TableName = "Satisfaction";
    public const int MaxCommentLength = 2000;
    private const string RatingRow = "rating";

    private TableClient Table => storage.Table(TableName);

    public async Task<SatisfactionRating?> GetAsync(int number, CancellationToken ct)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(TicketPartition(number), RatingRow, cancellationToken: ct);
        return found.HasValue ? FromEntity(number, found.Value!) : null;
    }

    /// <summary>Stores <paramref name="rating"/> as the ticket's rating, replacing an earlier one.</summary>
    public async Task SaveAsync(SatisfactionRating rating, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rating);
        ArgumentOutOfRangeException.ThrowIfLessThan(rating.Rating, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rating.Rating, 5);
        var current = await Table.GetEntityIfExistsAsync<TableEntity>(TicketPartition(rating.Number), RatingRow, cancellationToken: ct);
        var entity = ToEntity(TicketPartition(rating.Number), RatingRow, rating);
        if (current.HasValue)
        {
            // Two ratings at once: one of them wins whole (the ETag), never a mix of both.
            await Table.UpdateEntityAsync(entity, current.Value!.ETag, TableUpdateMode.Replace, ct);
        }
        else
        {
            await Table.AddEntityAsync(entity, ct);
        }

        await Table.UpsertEntityAsync(ToEntity(MonthPartition(rating.At), TicketStore.PartitionKey(rating.Number), rating), TableUpdateMode.Replace, ct);
        if (current.HasValue && current.Value!.GetDateTimeOffset("At") is { } before && Month(before) != Month(rating.At))
        {
            await Table.DeleteEntityAsync(MonthPartition(before), TicketStore.PartitionKey(rating.Number), ETag.All, ct);
        }
    }

    public async Task<SatisfactionReport> ReportAsync(int year, int month, CancellationToken ct)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");
        var partition = "m-" + key;
        var ratings = new List<SatisfactionRating>();
        await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: ct))
        {
            ratings.Add(FromEntity(int.Parse(e.RowKey, NumberStyles.None, CultureInfo.InvariantCulture), e));
        }

        var distribution = Enumerable.Range(1, 5).ToDictionary(
            n => n.ToString(CultureInfo.InvariantCulture), n => ratings.Count(r => r.Rating == n));
        return new SatisfactionReport(key, ratings.Count, ratings.Count == 0 ? null : Math.Round(ratings.Average(r => r.Rating), 2),
            distribution, ratings);
    }

    private static string TicketPartition(int number) => "t-" + TicketStore.PartitionKey(number);

    private static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string MonthPartition(DateTimeOffset at) => "m-" + Month(at);

    private static TableEntity ToEntity(string partition, string row, SatisfactionRating r) => new(partition, row)
    {
        ["Rating"] = r.Rating,
        ["Comment"] = r.Comment,
        ["At"] = r.At,
    };

    private static SatisfactionRating FromEntity(int number, TableEntity e) =>
        new(number, e.GetInt32("Rating") ?? 0, e.GetString("Comment"), e.GetDateTimeOffset("At") ?? default);
}
