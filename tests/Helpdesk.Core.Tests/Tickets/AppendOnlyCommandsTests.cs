using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Tests.Tickets;

/// <summary>Which commands only add a timeline line (and so never need the ticket's ETag).</summary>
public class AppendOnlyCommandsTests
{
    private static readonly DateTimeOffset T1 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Comment_LeavesTheTicketExactlyAsItWas()
    {
        var ticket = TicketWorkflowTests.NewTicket(TicketStatus.InProgress);

        var change = TicketWorkflow.Apply(ticket, new Comment("alice", "Called the user", Visibility.Public), T1);

        Assert.True(TicketWorkflow.AppendsOnly(new Comment("alice", "x", Visibility.Public)));
        Assert.Same(ticket, change.After);
        Assert.Equal(T1, change.Entry.At);
        Assert.Equal("commented", change.Entry.Kind);
    }

    public static TheoryData<TicketCommand> StateChanges() =>
    [
        new Acknowledge("alice"), new Assign("alice", "bob"), new Wait("alice", WaitingOn.Requester, null, null), new Resume("alice"),
        new Escalate("alice", null), new Reprioritize("alice", Priority.P1, null), new Resolve("alice", "Fixed"), new Reopen("alice"), new Close("alice"),
    ];

    [Theory]
    [MemberData(nameof(StateChanges))]
    public void EveryOtherCommand_ChangesTheTicket_SoItKeepsOptimisticConcurrency(TicketCommand command)
    {
        Assert.False(TicketWorkflow.AppendsOnly(command));
        var ticket = command switch
        {
            Acknowledge => TicketWorkflowTests.NewTicket(),
            Resume => TicketWorkflowTests.NewTicket(TicketStatus.WaitingOnRequester),
            Reopen or Close => TicketWorkflowTests.NewTicket(TicketStatus.Resolved),
            _ => TicketWorkflowTests.NewTicket(TicketStatus.InProgress),
        };

        var change = TicketWorkflow.Apply(ticket, command, T1);

        Assert.NotEqual(ticket, change.After);
        Assert.Equal(T1, change.After.UpdatedAt);
    }
}
