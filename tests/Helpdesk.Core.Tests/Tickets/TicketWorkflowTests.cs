using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Tests.Tickets;

public class TicketWorkflowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    internal static Ticket NewTicket(TicketStatus status = TicketStatus.New, SupportLevel level = SupportLevel.L1) => new()
    {
        Number = 1042,
        Status = status,
        Priority = Priority.P3,
        Level = level,
        Category = Category.Printer,
        Impact = Impact.Team,
        CanWork = CanWork.Partly,
        Requester = new Requester("Marie Dubois", "marie@example.be", null, "fr"),
        Subject = "Imprimante bloquée",
        Description = "Bourrage papier au 2e étage.",
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    [Fact]
    public void Acknowledge_NewTicket_MovesToInProgressAndRecordsWho()
    {
        var change = TicketWorkflow.Apply(NewTicket(), new Acknowledge("alice"), T0.AddMinutes(5));

        Assert.Equal(TicketStatus.InProgress, change.After.Status);
        Assert.Equal(T0.AddMinutes(5), change.After.AcknowledgedAt);
        Assert.Equal("alice", change.After.Assignee);
        Assert.Equal("alice", change.Entry.Actor);
        Assert.Equal("acknowledged", change.Entry.Kind);
        Assert.Equal(TicketEventKind.Acknowledged, change.Kind);
    }

    [Fact]
    public void Acknowledge_Twice_IsRefusedWithReason()
    {
        var acknowledged = TicketWorkflow.Apply(NewTicket(), new Acknowledge("alice"), T0).After;

        var ex = Assert.Throws<InvalidTransitionException>(() => TicketWorkflow.Apply(acknowledged, new Acknowledge("bob"), T0));
        Assert.Contains("already acknowledged", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wait_BeforeAcknowledge_IsRefused()
    {
        var ex = Assert.Throws<InvalidTransitionException>(() =>
            TicketWorkflow.Apply(NewTicket(), new Wait("alice", WaitingOn.Requester, null, null), T0));
        Assert.Contains("acknowledged", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WaitOnProvider_ThenResume_ReturnsToInProgress()
    {
        var t = NewTicket(TicketStatus.InProgress);
        var waiting = TicketWorkflow.Apply(t, new Wait("alice", WaitingOn.Provider, "Proximus", null), T0).After;
        Assert.Equal(TicketStatus.WaitingOnProvider, waiting.Status);
        Assert.Equal("Proximus", waiting.Provider);

        var resumed = TicketWorkflow.Apply(waiting, new Resume("alice"), T0.AddHours(1)).After;
        Assert.Equal(TicketStatus.InProgress, resumed.Status);
        Assert.Null(resumed.Provider);
        Assert.Null(resumed.WaitingOn);
    }

    [Fact]
    public void Resume_WhenNotWaiting_IsRefused()
    {
        Assert.Throws<InvalidTransitionException>(() => TicketWorkflow.Apply(NewTicket(TicketStatus.InProgress), new Resume("alice"), T0));
    }

    [Theory]
    [InlineData(SupportLevel.L1, SupportLevel.L2)]
    [InlineData(SupportLevel.L2, SupportLevel.L3)]
    public void Escalate_RaisesOneLevel(SupportLevel from, SupportLevel to)
    {
        var change = TicketWorkflow.Apply(NewTicket(TicketStatus.InProgress, from), new Escalate("alice", "Needs network access"), T0);

        Assert.Equal(to, change.After.Level);
        Assert.Equal(from.ToString(), change.Entry.Data!["from"]);
        Assert.Contains("Needs network access", change.Entry.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Escalate_AtL3_IsRefused()
    {
        var ex = Assert.Throws<InvalidTransitionException>(() =>
            TicketWorkflow.Apply(NewTicket(TicketStatus.InProgress, SupportLevel.L3), new Escalate("alice", null), T0));
        Assert.Contains("L3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveThenClose_EndsTheTicket_AndClosedRefusesEverything()
    {
        var resolved = TicketWorkflow.Apply(NewTicket(TicketStatus.InProgress), new Resolve("alice", "Paper removed."), T0).After;
        Assert.Equal(TicketStatus.Resolved, resolved.Status);
        Assert.Equal("Paper removed.", resolved.Resolution);

        var closed = TicketWorkflow.Apply(resolved, new Close("alice"), T0.AddDays(1)).After;
        Assert.Equal(TicketStatus.Closed, closed.Status);
        Assert.Equal(T0.AddDays(1), closed.ClosedAt);

        Assert.Throws<InvalidTransitionException>(() => TicketWorkflow.Apply(closed, new Comment("bob", "hello", Visibility.Public), T0));
        Assert.Throws<InvalidTransitionException>(() => TicketWorkflow.Apply(closed, new Reopen("bob"), T0));
    }

    [Fact]
    public void Close_WithoutResolve_IsRefused()
    {
        var ex = Assert.Throws<InvalidTransitionException>(() => TicketWorkflow.Apply(NewTicket(TicketStatus.InProgress), new Close("alice"), T0));
        Assert.Contains("resolved before", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reopen_ResolvedTicket_GoesBackToInProgressAndClearsResolution()
    {
        var resolved = TicketWorkflow.Apply(NewTicket(TicketStatus.InProgress), new Resolve("alice", "Fixed"), T0).After;

        var reopened = TicketWorkflow.Apply(resolved, new Reopen("marie", "Still broken"), T0.AddHours(2)).After;

        Assert.Equal(TicketStatus.InProgress, reopened.Status);
        Assert.Null(reopened.Resolution);
        Assert.Null(reopened.ResolvedAt);
    }

    [Fact]
    public void Reopen_OpenTicket_IsRefused()
    {
        Assert.Throws<InvalidTransitionException>(() => TicketWorkflow.Apply(NewTicket(TicketStatus.InProgress), new Reopen("alice"), T0));
    }

    [Fact]
    public void Assign_ResolvedTicket_IsRefused()
    {
        var resolved = NewTicket(TicketStatus.Resolved);
        Assert.Throws<InvalidTransitionException>(() => TicketWorkflow.Apply(resolved, new Assign("alice", "bob"), T0));
    }

    [Fact]
    public void InternalComment_KeepsStatusAndIsInternal()
    {
        var change = TicketWorkflow.Apply(NewTicket(TicketStatus.InProgress), new Comment("alice", "Checked the spooler", Visibility.Internal), T0);

        Assert.Equal(TicketStatus.InProgress, change.After.Status);
        Assert.Equal(Visibility.Internal, change.Entry.Visibility);
        Assert.Equal("Checked the spooler", change.Entry.Text);
    }
}
