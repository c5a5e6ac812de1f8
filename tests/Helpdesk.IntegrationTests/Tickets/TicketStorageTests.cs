using Helpdesk.Core.Intake;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.Infrastructure;

namespace Helpdesk.IntegrationTests.Tickets;

/// <summary>Ticket storage on real Azurite: numbering under concurrency, idempotency, ETags, indexes.</summary>
public class TicketStorageTests
{
    [Fact]
    public async Task FiftyParallelCreations_GetFiftyDistinctConsecutiveNumbers()
    {
        await using var core = await CoreServices.StartAsync();
        var intake = core.Get<TicketIntake>();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => intake.CreateAsync(Submissions.Valid(), [], null, Submissions.Api, default))));

        var numbers = results.Select(r => Assert.IsType<IntakeResult.Created>(r).Ticket.Number).Order().ToList();
        Assert.Equal(Enumerable.Range(1001, 50), numbers);
        var store = core.Get<TicketStore>();
        foreach (var n in numbers)
        {
            Assert.NotNull(await store.GetAsync(n, default));
        }
    }

    [Fact]
    public async Task TwoAllocatorsOnOneCounter_NeverHandOutTheSameNumber()
    {
        // Two Core instances (as two scaled-out Function hosts) sharing one storage prefix.
        await using var first = await CoreServices.StartAsync();
        var prefix = first.Get<Helpdesk.Core.Storage.StorageClients>().TableName("");
        await using var second = await CoreServices.StartAsync(settings: new Dictionary<string, string?> { ["Helpdesk:Storage:Prefix"] = prefix });

        var a = first.Get<TicketIntake>();
        var b = second.Get<TicketIntake>();
        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            Task.Run(() => (i % 2 == 0 ? a : b).CreateAsync(Submissions.Valid(), [], null, Submissions.Api, default))));

        var numbers = results.Select(r => ((IntakeResult.Created)r).Ticket.Number).ToList();
        Assert.Equal(30, numbers.Distinct().Count());
    }

    [Fact]
    public async Task SameIdempotencyKey_ReturnsTheFirstTicket_NeverASecond()
    {
        await using var core = await CoreServices.StartAsync();
        var intake = core.Get<TicketIntake>();
        var submission = Submissions.Valid();

        var first = await intake.CreateAsync(submission, [], "key-123", Submissions.Api, default);
        var again = await intake.CreateAsync(submission, [], "key-123", Submissions.Api, default);

        var created = Assert.IsType<IntakeResult.Created>(first);
        var replayed = Assert.IsType<IntakeResult.Replayed>(again);
        Assert.Equal(created.Ticket.Number, replayed.Ticket.Number);
        Assert.Equal([created.Ticket.Number], await core.Get<RequesterIndex>().TicketsAsync(submission.Requester.Email, 10, default));
    }

    [Fact]
    public async Task ConcurrentRetriesWithOneKey_CreateExactlyOneTicket()
    {
        await using var core = await CoreServices.StartAsync();
        var intake = core.Get<TicketIntake>();
        var submission = Submissions.Valid();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => intake.CreateAsync(submission, [], "retry-key", Submissions.Api, default))));

        var numbers = results.Select(r => r switch
        {
            IntakeResult.Created c => c.Ticket.Number,
            IntakeResult.Replayed p => p.Ticket.Number,
            _ => throw new InvalidOperationException(r.ToString()),
        }).Distinct().ToList();
        Assert.Single(numbers);
        Assert.Single(results.OfType<IntakeResult.Created>());
        var page = await core.Get<LevelQueues>().ListAsync(SupportLevel.L1, 100, null, default);
        Assert.Equal(numbers, page.Items.Select(i => i.Number));
    }

    [Fact]
    public async Task SameKeyDifferentRequest_IsRefused()
    {
        await using var core = await CoreServices.StartAsync();
        var intake = core.Get<TicketIntake>();
        var email = $"jan.{Guid.NewGuid():N}@example.be";

        var first = (IntakeResult.Created)await intake.CreateAsync(Submissions.Valid(email, subject: "VPN"), [], "k1", Submissions.Api, default);
        var second = await intake.CreateAsync(Submissions.Valid(email, subject: "Outlook"), [], "k1", Submissions.Api, default);

        Assert.Equal(first.Ticket.Number, Assert.IsType<IntakeResult.KeyReused>(second).Number);
    }

    [Fact]
    public async Task SameKeyFromAnotherRequester_IsRefused_KeysBelongToTheTenant()
    {
        await using var core = await CoreServices.StartAsync();
        var intake = core.Get<TicketIntake>();

        var first = (IntakeResult.Created)await intake.CreateAsync(Submissions.Valid(), [], "shared-key", Submissions.Api, default);
        var other = Submissions.Valid();
        var second = await intake.CreateAsync(other, [], "shared-key", Submissions.Api, default);

        Assert.Equal(first.Ticket.Number, Assert.IsType<IntakeResult.KeyReused>(second).Number);
        Assert.Empty(await core.Get<RequesterIndex>().TicketsAsync(other.Requester.Email, 10, default));
        var claim = await core.Get<Helpdesk.Core.Storage.StorageClients>().Table(Helpdesk.Core.Storage.StorageClients.IndexTable)
            .GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(IdempotencyClaims.Partition, IdempotencyClaims.RowKey("shared-key"));
        Assert.Equal(first.Ticket.Number, claim.Value!.GetInt32("Number"));
    }

    [Fact]
    public async Task SameKeySameFieldsDifferentFileContent_IsRefused()
    {
        await using var core = await CoreServices.StartAsync();
        var intake = core.Get<TicketIntake>();
        var submission = Submissions.Valid();
        static UploadedFile File(string sha) => new(new AttachmentRef("scan.pdf", "application/pdf", 10, $"{Guid.NewGuid():N}/0-scan.pdf"), sha);

        var first = (IntakeResult.Created)await intake.CreateAsync(submission, [File(new string('a', 64))], "file-key", Submissions.Api, default);
        var same = await intake.CreateAsync(submission, [File(new string('a', 64))], "file-key", Submissions.Api, default);
        var other = await intake.CreateAsync(submission, [File(new string('b', 64))], "file-key", Submissions.Api, default);

        Assert.Equal(first.Ticket.Number, Assert.IsType<IntakeResult.Replayed>(same).Ticket.Number);
        Assert.Equal(first.Ticket.Number, Assert.IsType<IntakeResult.KeyReused>(other).Number);
    }

    [Fact]
    public async Task StaleETag_IsRejected_SoNoUpdateIsLost()
    {
        await using var core = await CoreServices.StartAsync();
        var ticket = ((IntakeResult.Created)await core.Get<TicketIntake>().CreateAsync(Submissions.Valid(), [], null, Submissions.Api, default)).Ticket;
        var store = core.Get<TicketStore>();
        var alice = await store.GetAsync(ticket.Number, default);
        var bob = await store.GetAsync(ticket.Number, default);

        await store.UpdateAsync(TicketWorkflow.Apply(alice!.Ticket, new Assign("alice", "alice"), DateTimeOffset.UtcNow), alice.ETag, "a", default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.UpdateAsync(TicketWorkflow.Apply(bob!.Ticket, new Assign("bob", "bob"), DateTimeOffset.UtcNow), bob.ETag, "b", default));
        Assert.Equal("alice", (await store.GetAsync(ticket.Number, default))!.Ticket.Assignee);
    }

    [Fact]
    public async Task ACarriedTicket_IsDecidedOnAsCarried_WithoutBeingReadAgain()
    {
        await using var core = await CoreServices.StartAsync();
        var ticket = ((IntakeResult.Created)await core.Get<TicketIntake>().CreateAsync(Submissions.Valid(), [], null, Submissions.Api, default)).Ticket;
        var read = (await core.Get<TicketStore>().GetAsync(ticket.Number, default))!;

        // Marked so that only the carried copy can explain the outcome: a second read would bring back the stored subject.
        var carried = read with { Ticket = read.Ticket with { Subject = "as carried by the SLA step" } };
        var change = await core.Get<TicketService>().ApplyAsync(carried, new Escalate("sla", "L1 share used", Automatic: true, From: SupportLevel.L1), default);

        Assert.Equal(SupportLevel.L2, change!.After.Level);
        Assert.Equal("as carried by the SLA step", (await core.Get<TicketStore>().GetAsync(ticket.Number, default))!.Ticket.Subject);
    }

    [Fact]
    public async Task AStaleCarriedTicket_IsDecidedAgainOnTheStoredOne_NothingLost()
    {
        await using var core = await CoreServices.StartAsync();
        var ticket = ((IntakeResult.Created)await core.Get<TicketIntake>().CreateAsync(Submissions.Valid(), [], null, Submissions.Api, default)).Ticket;
        var service = core.Get<TicketService>();
        var read = (await core.Get<TicketStore>().GetAsync(ticket.Number, default))!;
        await service.ApplyAsync(ticket.Number, new Assign("alice", "carol"), default); // written after the read

        var change = await service.ApplyAsync(read, new Escalate("sla", "L1 share used", Automatic: true, From: SupportLevel.L1), default);

        var stored = (await core.Get<TicketStore>().GetAsync(ticket.Number, default))!.Ticket;
        Assert.Equal(SupportLevel.L2, stored.Level);
        Assert.Equal("carol", stored.Assignee);
        Assert.Equal(("carol", SupportLevel.L2), (change!.After.Assignee, change.After.Level));
    }

    [Fact]
    public async Task ACarriedTicketThatRefusesTheCommand_IsDecidedAgainOnTheStoredOne()
    {
        await using var core = await CoreServices.StartAsync();
        var ticket = ((IntakeResult.Created)await core.Get<TicketIntake>().CreateAsync(Submissions.Valid(), [], null, Submissions.Api, default)).Ticket;
        var read = (await core.Get<TicketStore>().GetAsync(ticket.Number, default))!;

        // A copy that is not what is stored (here: already at L3) must not decide a refusal the stored ticket would not give.
        var carried = read with { Ticket = read.Ticket with { Level = SupportLevel.L3 }, ETag = new Azure.ETag("W/\"stale\"") };
        var change = await core.Get<TicketService>().ApplyAsync(carried, new Escalate("sla", "L1 share used", Automatic: true, From: SupportLevel.L1), default);

        Assert.Equal(SupportLevel.L2, change!.After.Level);
    }

    [Fact]
    public async Task ConcurrentActions_AreAllKept_AndAConflictingOneIsDecidedOnFreshState()
    {
        await using var core = await CoreServices.StartAsync();
        var ticket = ((IntakeResult.Created)await core.Get<TicketIntake>().CreateAsync(Submissions.Valid(), [], null, Submissions.Api, default)).Ticket;
        var service = core.Get<TicketService>();

        // Two technicians acknowledge at once: exactly one wins, the other is told it was already done.
        var acks = await Task.WhenAll(
            Task.Run(() => Outcome(() => service.ApplyAsync(ticket.Number, new Acknowledge("alice"), default))),
            Task.Run(() => Outcome(() => service.ApplyAsync(ticket.Number, new Acknowledge("bob"), default))));
        Assert.Equal(["acknowledged", "refused"], acks.Order(StringComparer.Ordinal));

        // A comment and an assignment at once: both kept.
        await Task.WhenAll(
            Task.Run(() => service.ApplyAsync(ticket.Number, new Comment("alice", "Checked cables", Visibility.Internal), default)),
            Task.Run(() => service.ApplyAsync(ticket.Number, new Assign("bob", "carol"), default)));

        var view = await service.GetAsync(ticket.Number, default);
        Assert.Equal("carol", view!.Ticket.Assignee);
        Assert.Equal(TicketStatus.InProgress, view.Ticket.Status);
        Assert.Equal(["acknowledged", "assigned", "commented", "created"], view.Timeline.Select(e => e.Kind).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LevelQueues_AreOrderedByDueDate_AndFollowEscalationAndResolution()
    {
        await using var core = await CoreServices.StartAsync();
        var intake = core.Get<TicketIntake>();
        var p4 = ((IntakeResult.Created)await intake.CreateAsync(Submissions.Valid(impact: Impact.Individual, canWork: CanWork.Yes), [], null, Submissions.Api, default)).Ticket;
        var p1 = ((IntakeResult.Created)await intake.CreateAsync(Submissions.Valid(impact: Impact.Organization, canWork: CanWork.No), [], null, Submissions.Api, default)).Ticket;
        var p2 = ((IntakeResult.Created)await intake.CreateAsync(Submissions.Valid(impact: Impact.Team, canWork: CanWork.No), [], null, Submissions.Api, default)).Ticket;
        var index = core.Get<LevelQueues>();
        var service = core.Get<TicketService>();

        var l1 = await index.ListAsync(SupportLevel.L1, 10, null, default);
        Assert.Equal([p1.Number, p2.Number, p4.Number], l1.Items.Select(i => i.Number));
        Assert.Equal([Priority.P1, Priority.P2, Priority.P4], l1.Items.Select(i => i.Priority));

        await service.ApplyAsync(p2.Number, new Escalate("alice", "network"), default);
        await service.ApplyAsync(p1.Number, new Resolve("alice", "Rebooted the switch"), default);

        Assert.Equal([p4.Number], (await index.ListAsync(SupportLevel.L1, 10, null, default)).Items.Select(i => i.Number));
        Assert.Equal([p2.Number], (await index.ListAsync(SupportLevel.L2, 10, null, default)).Items.Select(i => i.Number));

        await service.ApplyAsync(p1.Number, new Reopen("marie", "Down again"), default);
        Assert.Equal([p1.Number, p4.Number], (await index.ListAsync(SupportLevel.L1, 10, null, default)).Items.Select(i => i.Number));
    }

    [Fact]
    public async Task ResolvedAndClosedTickets_AreListedFromTheIndex_ForTheSlaReconciler()
    {
        await using var core = await CoreServices.StartAsync();
        var intake = core.Get<TicketIntake>();
        var service = core.Get<TicketService>();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var open = ((IntakeResult.Created)await intake.CreateAsync(Submissions.Valid(), [], null, Submissions.Api, default)).Ticket;
        var resolved = ((IntakeResult.Created)await intake.CreateAsync(Submissions.Valid(), [], null, Submissions.Api, default)).Ticket;
        await service.ApplyAsync(resolved.Number, new Resolve("alice", "Fixed"), default);
        await service.ApplyAsync(resolved.Number, new Close("alice"), default);

        var index = core.Get<LevelQueues>();
        var stopped = new List<int>();
        await foreach (var number in index.StoppedSinceAsync(before, default))
        {
            stopped.Add(number);
        }

        Assert.Equal([resolved.Number], stopped.Distinct());
        Assert.DoesNotContain(open.Number, stopped);
        await foreach (var number in index.StoppedSinceAsync(DateTimeOffset.UtcNow.AddMinutes(1), default))
        {
            Assert.Fail($"#{number} listed as stopped after the window");
        }
    }

    [Fact]
    public async Task QueuePages_FollowContinuationTokens_WithoutGapsOrRepeats()
    {
        await using var core = await CoreServices.StartAsync();
        var intake = core.Get<TicketIntake>();
        for (var i = 0; i < 7; i++)
        {
            await intake.CreateAsync(Submissions.Valid(), [], null, Submissions.Api, default);
        }

        var index = core.Get<LevelQueues>();
        var seen = new List<int>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await index.ListAsync(SupportLevel.L1, 3, token, default);
            seen.AddRange(page.Items.Select(i => i.Number));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(1001, 7), seen.Order());
        Assert.Equal(7, seen.Distinct().Count());
        Assert.True(pages >= 3);
    }

    private static async Task<string> Outcome(Func<Task<TicketChange?>> act)
    {
        try
        {
            await act();
            return "acknowledged";
        }
        catch (InvalidTransitionException)
        {
            return "refused";
        }
    }
}
