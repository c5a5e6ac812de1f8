using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Tests.Tickets;

public class ReprioritizeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reprioritize_OpenTicket_ChangesPriorityAndRecordsFromTo()
    {
        var ticket = TicketWorkflowTests.NewTicket(TicketStatus.InProgress);

        var change = TicketWorkflow.Apply(ticket, new Reprioritize("alice", Priority.P1, "Whole floor down."), T0.AddMinutes(10));

        Assert.Equal(Priority.P1, change.After.Priority);
        Assert.Equal(TicketEventKind.PriorityChanged, change.Kind);
        Assert.Equal("priority-changed", change.Entry.Kind);
        Assert.Equal("P3", change.Entry.Data!["from"]);
        Assert.Equal("P1", change.Entry.Data!["to"]);
        Assert.Contains("Whole floor down.", change.Entry.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reprioritize_SamePriority_IsRefused() =>
        Assert.Throws<InvalidTransitionException>(() =>
            TicketWorkflow.Apply(TicketWorkflowTests.NewTicket(), new Reprioritize("alice", Priority.P3), T0));

    [Fact]
    public void Reprioritize_ResolvedTicket_IsRefused() =>
        Assert.Throws<InvalidTransitionException>(() =>
            TicketWorkflow.Apply(TicketWorkflowTests.NewTicket(TicketStatus.Resolved), new Reprioritize("alice", Priority.P1), T0));

    [Fact]
    public void ActionCommands_Reprioritize_NeedsAPriority()
    {
        var (missing, errors) = ActionCommands.Build("reprioritize", "alice", new ActionRequest());
        var (command, _) = ActionCommands.Build("reprioritize", "alice", new ActionRequest { Priority = Priority.P2, Reason = "VIP" });

        Assert.Null(missing);
        Assert.True(errors.ContainsKey("priority"));
        Assert.Equal(new Reprioritize("alice", Priority.P2, "VIP"), command);
        Assert.Contains("reprioritize", TicketCommand.ActionNames);
    }
}
