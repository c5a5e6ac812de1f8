using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Core.Tests.Sla;

public class SlaStatusReaderTests
{
    private static readonly DateTimeOffset Opened = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static SlaStatusReader Reader(InMemoryClockLog log) =>
        new(log, new SlaEvaluator(SlaPolicy.Default, new SlaCalendars(BusinessCalendar.FromOptions(new BusinessCalendarOptions())),
            new FakeTimeProvider(Opened.AddHours(1))));

    [Fact]
    public async Task EventsConsumedBeforeStarted_GiveNoViewYet_InsteadOfAnError()
    {
        var log = new InMemoryClockLog();
        await log.AppendAsync(7, new SlaClockEvent.ResponseMet(0, Opened.AddMinutes(5)), "ack", default);

        Assert.Null(await Reader(log).ReadAsync(7, default));
        Assert.Null(await Reader(log).ReadAsync(8, default));
    }

    [Fact]
    public async Task StartedClock_ShowsDueUsedAndLeft()
    {
        var log = new InMemoryClockLog();
        await log.AppendAsync(7, new SlaClockEvent.Started(0, Opened, Priority.P2, SupportLevel.L1), "created", default);

        var status = await Reader(log).ReadAsync(7, default);

        Assert.NotNull(status);
        Assert.Equal(TimeSpan.FromHours(2), status.FirstResponse.Allowed);
        Assert.True(status.FirstResponse.Used > TimeSpan.Zero);
        Assert.Equal(status.FirstResponse.Allowed - status.FirstResponse.Used, status.FirstResponse.Left);
    }
}
