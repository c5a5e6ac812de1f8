using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Operations;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Technicians;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.Infrastructure;
using Helpdesk.IntegrationTests.Tickets;
using Helpdesk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.IntegrationTests.Console;

/// <summary>
/// The admins' operations: poison messages listed with their reason and replayed (API and console page), the SLA
/// reconciler's last run. A real ticket event is poisoned by a handler that cannot work yet, then replayed once.
/// </summary>
public class OperationsTests(OperationsTests.Fixture fixture) : IClassFixture<OperationsTests.Fixture>
{
    private HelpdeskHost Host => fixture.Host;

    private FlakyHandler Flaky => fixture.Flaky;

    /// <summary>One host for the class, with a ticket-event handler that fails until told (only the first test creates tickets).</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public FlakyHandler Flaky { get; } = new();

        public HelpdeskHost Host { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Host = await HelpdeskHost.StartAsync(configure: b => b.Services.AddSingleton<ITicketEventHandler>(Flaky));

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    [Fact]
    public async Task PoisonedTicketEvent_IsListedWithItsReason_ReplayedOnce_AndProcessedOnce()
    {
        var number = ((IntakeResult.Created)await Host.Get<TicketIntake>().CreateAsync(Submissions.Valid(), [], null, Submissions.Api, default)).Ticket.Number;
        using var admin = await ApiClientAsync(TechnicianRole.Admin);

        // The handler fails permanently: its targeted retry message is poisoned at once, with the reason.
        var entry = await Poll.UntilAsync(async () => (await ListAsync(admin)).FirstOrDefault(m => m.Preview.Contains($"\"number\":{number}", StringComparison.Ordinal)),
            m => m is not null, TimeSpan.FromSeconds(30), "the ticket event in ticket-events-poison");
        Assert.Equal(TicketQueues.Events, entry!.Queue);
        Assert.Equal(FlakyHandler.Reason, entry.Reason);
        Assert.Equal(typeof(MalformedMessageException).FullName, entry.Error);
        Assert.True(entry.Permanent);
        Assert.Equal(1, entry.DequeueCount);
        Assert.True(entry.Preview.Length <= PoisonMessages.PreviewLength + 1);

        Flaky.Broken = false;
        using var replay = await admin.PostAsync($"/api/operations/poison/{entry.Queue}/{entry.Id}/replay", null);
        using var again = await admin.PostAsync($"/api/operations/poison/{entry.Queue}/{entry.Id}/replay", null);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("replayed already", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Poll.UntilAsync(() => Task.FromResult(Flaky.Handled.ContainsKey(number)), TimeSpan.FromSeconds(20), "the replayed event handled");
        await Poll.UntilAsync(async () => (await Host.Storage.Queue(TicketQueues.Events).PeekMessagesAsync(32)).Value.Length == 0,
            TimeSpan.FromSeconds(20), "ticket-events drained");
        Assert.Equal(1, Flaky.Handled[number]);
        Assert.DoesNotContain(await ListAsync(admin), m => m.Id == entry.Id);
    }

    [Fact]
    public async Task Operations_RefuseAnonymousNonAdminsAndMachineKeys()
    {
        using var anonymous = Host.Client();
        using var key = Host.TechnicianClient();
        using var technician = await ApiClientAsync(TechnicianRole.Technician);
        var (page, _, _) = await ConsoleClient.SignedInAsync(Host);
        using var _p = page;
        var token = await page.TokenAsync("/api/console");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/operations/poison")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await key.GetAsync("/api/operations/poison")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await technician.GetAsync("/api/operations/poison")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await technician.PostAsync($"/api/operations/poison/{TicketQueues.Events}/{Guid.NewGuid()}/replay", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await page.Http.GetAsync("/api/console/operations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await page.PostFormAsync("/api/console/operations/replay", token,
            new Dictionary<string, string> { ["queue"] = TicketQueues.Events, ["id"] = Guid.NewGuid().ToString() })).StatusCode);
    }

    [Fact]
    public async Task ReplayOfAnUnknownQueueOrId_IsA404InWords()
    {
        using var admin = await ApiClientAsync(TechnicianRole.Admin);

        using var queue = await admin.PostAsync($"/api/operations/poison/no-such-queue/{Guid.NewGuid()}/replay", null);
        using var id = await admin.PostAsync($"/api/operations/poison/{TicketQueues.Events}/{Guid.NewGuid()}/replay", null);
        using var odd = await admin.PostAsync($"/api/operations/poison/{TicketQueues.Events}/%3Cscript%3E/replay", null);

        Assert.Equal(HttpStatusCode.NotFound, queue.StatusCode);
        Assert.Contains("is not a queue of this helpdesk", await queue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, id.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, odd.StatusCode);
    }

    [Fact]
    public async Task OperationsPage_ShowsPoisonInert_AndReplaysOnlyWithTheAntiForgeryToken()
    {
        const string payload = "<script>alert(1)</script>";
        var poison = Host.Storage.Queue(QueueRules.Poison(SlaQueues.Notifications));
        var sent = (await poison.SendMessageAsync(new PoisonMessage(SlaQueues.Notifications, "m-1", DateTimeOffset.UtcNow, 5, false,
            "System.TimeoutException", "Relay down " + payload, "{\"x\":\"" + payload + "\"}").ToJson())).Value;
        var (admin, _, _) = await ConsoleClient.SignedInAsync(Host, TechnicianRole.Admin, SupportLevel.L1);
        using var _a = admin;

        var html = await admin.Http.GetStringAsync("/api/console/operations");
        Assert.Contains($"data-id=\"{sent.MessageId}\"", html, StringComparison.Ordinal);
        Assert.Contains("Relay down &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain(payload, html, StringComparison.Ordinal);
        Assert.Contains("id=\"reconcile\"", html, StringComparison.Ordinal);

        var fields = new Dictionary<string, string> { ["queue"] = SlaQueues.Notifications, ["id"] = sent.MessageId };
        using var forged = await admin.PostFormAsync("/api/console/operations/replay", null, fields);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(1, (await poison.PeekMessagesAsync(32)).Value.Count(m => m.MessageId == sent.MessageId));

        var token = await admin.TokenAsync("/api/console/operations");
        using var replayed = await admin.PostFormAsync("/api/console/operations/replay", token, fields);
        using var twice = await admin.PostFormAsync("/api/console/operations/replay", token, fields);

        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Equal("/api/console/operations?done=replay", replayed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, twice.StatusCode);
        Assert.DoesNotContain((await poison.PeekMessagesAsync(32)).Value, m => m.MessageId == sent.MessageId);
    }

    [Fact]
    public async Task ReconcilerRuns_AreRecorded_WhatTheyFoundOrHowTheyFailed_AndShown()
    {
        var runs = Host.Get<ReconcileRuns>();
        // The host runs the reconciler at start-up.
        var first = await Poll.UntilAsync(() => runs.LastAsync(default), r => r is not null, TimeSpan.FromSeconds(30), "the start-up reconcile run");
        Assert.True(first!.Succeeded);
        Assert.True(first.FinishedAt >= first.StartedAt);
        var (admin, _, _) = await ConsoleClient.SignedInAsync(Host, TechnicianRole.Admin, SupportLevel.L1);
        using var _a = admin;
        Assert.Contains($"{first.Open} open tickets seen", await admin.Http.GetStringAsync("/api/console/operations"), StringComparison.Ordinal);

        var failing = new SlaReconciler(new BrokenTickets(), Host.Get<ISlaClockLog>(), Host.Get<ISlaTimerEngine>(), TimeProvider.System,
            NullLogger<SlaReconciler>.Instance, runs);
        await Assert.ThrowsAsync<TimeoutException>(() => failing.RunAsync(default));

        var last = await runs.LastAsync(default);
        Assert.Equal(typeof(TimeoutException).FullName, last!.Error);
        Assert.Contains("Failed: System.TimeoutException", await admin.Http.GetStringAsync("/api/console/operations"), StringComparison.Ordinal);
    }

    private async Task<HttpClient> ApiClientAsync(TechnicianRole role)
    {
        var (client, _, _) = await ConsoleClient.SignedInAsync(Host, role, SupportLevel.L1);
        using var _c = client;
        var session = client.Cookies.GetCookies(new Uri(Host.BaseAddress, "/api/console/")).First(c => c.Name == SignedInPeople.SessionCookie).Value;
        var api = Host.Client();
        api.DefaultRequestHeaders.Add("Cookie", $"{SignedInPeople.SessionCookie}={session}");
        return api;
    }

    private static async Task<IReadOnlyList<PoisonEntry>> ListAsync(HttpClient admin)
    {
        using var response = await admin.GetAsync("/api/operations/poison");
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("messages").Deserialize<List<PoisonEntry>>(Core.HelpdeskJson.Options)!;
    }

    /// <summary>A ticket-event handler that cannot work until told (a message it can never process, poisoned at once), then counts what it handled.</summary>
    public sealed class FlakyHandler : ITicketEventHandler
    {
        public const string Reason = "The flaky handler is broken on purpose.";

        private volatile bool _broken = true;

        public bool Broken
        {
            get => _broken;
            set => _broken = value;
        }

        public ConcurrentDictionary<int, int> Handled { get; } = new();

        public string Name => "flaky";

        public Task HandleAsync(TicketEvent ticketEvent, bool redelivered, CancellationToken cancellationToken)
        {
            if (Broken)
            {
                throw new MalformedMessageException(Reason);
            }

            Handled.AddOrUpdate(ticketEvent.Number, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }

    private sealed class BrokenTickets : ISlaTickets
    {
        public Task<StoredTicket?> GetAsync(int ticketNumber, CancellationToken ct) => throw new TimeoutException();

        public Task<Ticket?> EscalateAsync(int ticketNumber, StoredTicket? asRead, SupportLevel from, string reason, CancellationToken ct) => throw new TimeoutException();

        public IAsyncEnumerable<int> OpenTicketNumbersAsync(CancellationToken ct) => throw new TimeoutException("Table storage did not answer.");

        public IAsyncEnumerable<int> StoppedTicketNumbersAsync(DateTimeOffset since, CancellationToken ct) => throw new TimeoutException();
    }
}
