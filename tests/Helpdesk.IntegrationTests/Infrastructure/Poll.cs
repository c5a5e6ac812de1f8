namespace Helpdesk.IntegrationTests.Infrastructure;

/// <summary>
/// Waits for an asynchronous effect that has no signal to wait on (a row written by a queue consumer, an
/// orchestration's status): checks the condition until it holds, and fails the test with <paramref name="what"/> at
/// the deadline. Not a sleep as synchronisation: it returns as soon as the condition holds.
/// </summary>
public static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out after {timeout.TotalSeconds:0} s waiting for: {what}");
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(200));
        }
    }
}
