using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Tests.Tickets;

public class TicketEventMessageTests
{
    private static readonly TicketEvent Created = new(
        "1042-created", 1042, TicketEventKind.Created, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), "marie@example.be",
        new TicketSnapshot(TicketStatus.New, Priority.P1, SupportLevel.L1, "Serveur", "Marie", "marie@example.be", "fr",
            new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), null, null, null, null));

    [Fact]
    public void AnEventForEveryone_HasNoHandler_AndReadsBack()
    {
        var message = TicketEventMessage.Serialize(Created);

        Assert.DoesNotContain("\"handler\"", message, StringComparison.Ordinal);
        var (ticketEvent, handler) = TicketEventMessage.Parse(message);
        Assert.Null(handler);
        Assert.Equal(Created, ticketEvent);
    }

    [Fact]
    public void ATargetedRetry_IsTheSameEvent_PlusTheHandlersName()
    {
        var message = TicketEventMessage.Serialize(Created, "acknowledgment");

        Assert.Contains("\"handler\":\"acknowledgment\"", message, StringComparison.Ordinal);
        var (ticketEvent, handler) = TicketEventMessage.Parse(message);
        Assert.Equal("acknowledgment", handler);
        Assert.Equal(Created, ticketEvent);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"eventId":"1-created","number":1,"kind":"created","at":"2026-12-01T10:00:00Z","actor":"x"}""")]
    [InlineData("""{"eventId":"1-created","number":1,"kind":"created,closed","at":"2026-12-01T10:00:00Z","actor":"x","ticket":{}}""")]
    [InlineData("""{"handler":"","eventId":"1-created","number":1}""")]
    [InlineData("""{"handler":3,"eventId":"1-created","number":1}""")]
    public void WhatIsNotATicketEvent_IsMalformed(string message) =>
        Assert.Throws<MalformedMessageException>(() => TicketEventMessage.Parse(message));
}
