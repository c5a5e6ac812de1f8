using Helpdesk.Core.Storage;

namespace Helpdesk.Core.Tests.Storage;

public class QueuePollingTests
{
    [Fact]
    public void EmptyReads_DoubleTheWait_UpToTheCeiling()
    {
        var polling = new QueuePolling(TimeSpan.FromSeconds(5));

        var waits = Enumerable.Range(0, 10).Select(_ => polling.After(received: false).TotalMilliseconds).ToArray();

        Assert.Equal([50, 100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000], waits);
    }

    [Fact]
    public void AMessage_ResetsTheBackOff_AndTheNextReadIsImmediate()
    {
        var polling = new QueuePolling(TimeSpan.FromSeconds(5));
        for (var i = 0; i < 20; i++)
        {
            polling.After(received: false);
        }

        Assert.Equal(TimeSpan.Zero, polling.After(received: true));
        Assert.Equal(QueuePolling.FirstDelay, polling.After(received: false));
    }

    [Fact]
    public void AnHourIdle_AtTheDefaultCeiling_CostsAboutSevenHundredReadsPerQueue()
    {
        var polling = new QueuePolling(new QueuePollingOptions().MaxPollingInterval);
        var elapsed = TimeSpan.Zero;
        var reads = 0;
        while (elapsed < TimeSpan.FromHours(1))
        {
            reads++;
            elapsed += polling.After(received: false);
        }

        // 3,600 s / 5 s = 720, plus the few short waits of the start of the back-off.
        Assert.InRange(reads, 720, 730);
    }

    [Theory]
    [InlineData("00:00:00.050", false)]
    [InlineData("00:00:00.100", true)]
    [InlineData("00:00:05", true)]
    [InlineData("00:01:00", true)]
    [InlineData("00:01:01", false)]
    public void TheCeiling_IsValidated(string ceiling, bool valid)
    {
        var result = new QueuePollingOptionsValidator().Validate(null, new QueuePollingOptions { MaxPollingInterval = TimeSpan.Parse(ceiling, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Helpdesk:Queues:MaxPollingInterval", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
