using Azure.Data.Tables;
using Helpdesk.Core.Console;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.Infrastructure;
using Helpdesk.Testing;

namespace Helpdesk.IntegrationTests.Console;

/// <summary>
/// Tickets written before the console's indexes existed (straight into the Tickets table, so no ticket event ever ran
/// for them) become searchable and their requesters known, once.
/// </summary>
public sealed class ConsoleIndexBackfillTests : IAsyncLifetime
{
    private HelpdeskHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await HelpdeskHost.StartAsync();
        // The start-up run on the empty installation finishes first (it writes the marker).
        await Poll.UntilAsync(async () => (await Index.GetEntityIfExistsAsync<TableEntity>(ConsoleIndexBackfill.MarkerPartition, ConsoleIndexBackfill.MarkerRow)).HasValue,
            TimeSpan.FromSeconds(30), "the start-up backfill's marker");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private TableClient Index => _host.Storage.Table(StorageClients.IndexTable);

    private ConsoleIndexBackfill Backfill => _host.Get<ConsoleIndexBackfill>();

    /// <summary>A ticket as an older version stored it: the ticket row and its first line, no event.</summary>
    private async Task<Ticket> OldTicketAsync(int number, string subject, string name, string email, TicketStatus status, string? noAutoReply = null)
    {
        var at = DateTimeOffset.UtcNow.AddDays(-30);
        var ticket = new Ticket
        {
            Number = number, Status = status, Priority = Priority.P3, Level = SupportLevel.L1, Category = Category.Printer, Impact = Impact.Individual,
            CanWork = CanWork.Partly, Requester = new Requester(name, email, null, "fr"), Subject = subject, Description = "…",
            CreatedAt = at, UpdatedAt = at, NoAutoReply = noAutoReply,
            ResolvedAt = status is TicketStatus.Resolved or TicketStatus.Closed ? at : null, ClosedAt = status == TicketStatus.Closed ? at : null,
        };
        Assert.True(await _host.Get<TicketStore>().CreateAsync(ticket, new TimelineEntry(at, "form", "created", subject, Visibility.Public), "created", default));
        return ticket;
    }

    private async Task ForgetMarkerAsync() => await Index.DeleteEntityAsync(ConsoleIndexBackfill.MarkerPartition, ConsoleIndexBackfill.MarkerRow);

    [Fact]
    public async Task OldTickets_BecomeSearchable_AndTheirRequestersKnown_Once_WithoutReplacingNewerRows()
    {
        await OldTicketAsync(700001, "Imprimante bourrage papier", "Bob Old", "bob@example.be", TicketStatus.Closed);
        await OldTicketAsync(700002, "VPN coupe encore", "Ann Early", "ann@example.be", TicketStatus.New);
        await OldTicketAsync(700003, "Scanner lent", "Ann Later", "Ann@Example.be", TicketStatus.Resolved);
        await OldTicketAsync(700004, "Delivery status notification", "Mailer", "noreply@example.be", TicketStatus.Closed, noAutoReply: "no-reply sender");
        await OldTicketAsync(700005, "Écran noir", "Carl Old", "carl@example.be", TicketStatus.Closed);
        // Carl's row was written since by a newer ticket's event: it stays.
        await Index.UpsertEntityAsync(KnownRequesters.RowOf("Carl Newer", "carl@example.be", 700100));
        await ForgetMarkerAsync();

        var first = await Backfill.RunAsync(default);
        await Index.DeleteEntityAsync(KnownRequesters.Partition, StorageKeys.Address("bob@example.be"));
        var second = await Backfill.RunAsync(default);

        Assert.Equal(new BackfillResult(5, 4, 2), first);
        Assert.Null(second);
        var known = await _host.Get<KnownRequesters>().ListAsync(default);
        Assert.Contains(known, r => r.Email == "Ann@Example.be" && r.Name == "Ann Later");
        Assert.Contains(known, r => r.Email == "carl@example.be" && r.Name == "Carl Newer");
        Assert.DoesNotContain(known, r => r.Email is "noreply@example.be" or "bob@example.be");
        var search = _host.Get<ClosedTicketSearch>();
        var jam = Assert.Single(await search.SearchAsync("bourrage", 10, default));
        Assert.Equal((700001, TicketStatus.Closed), (jam.Number, jam.Status));
        Assert.Equal(TicketStatus.Resolved, Assert.Single(await search.SearchAsync("scanner lent", 10, default)).Status);
        Assert.Empty(await search.SearchAsync("VPN coupe", 10, default));
    }

    [Fact]
    public async Task StoppedPartWay_ResumesAfterTheLastTicketDone()
    {
        await OldTicketAsync(710001, "Souris cassée", "Dirk", "dirk@example.be", TicketStatus.Closed);
        await OldTicketAsync(710002, "Clavier cassé", "Eva", "eva@example.be", TicketStatus.Closed);
        await Index.UpsertEntityAsync(new TableEntity(ConsoleIndexBackfill.MarkerPartition, ConsoleIndexBackfill.MarkerRow) { ["After"] = 710001, ["Done"] = false });

        var result = await Backfill.RunAsync(default);

        Assert.Equal(1, result!.TicketsRead);
        Assert.Empty(await _host.Get<ClosedTicketSearch>().SearchAsync("souris", 10, default));
        Assert.Single(await _host.Get<ClosedTicketSearch>().SearchAsync("clavier", 10, default));
        var marker = (await Index.GetEntityAsync<TableEntity>(ConsoleIndexBackfill.MarkerPartition, ConsoleIndexBackfill.MarkerRow)).Value;
        Assert.Equal((710002, true), (marker.GetInt32("After"), marker.GetBoolean("Done")));
    }
}
