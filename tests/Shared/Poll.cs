namespace Helpdesk.Testing;

/// <summary>
/// Waits for an asynchronous effect that has no signal to wait on (a row written by a queue consumer, an
/// orchestration's status): checks the condition until it holds, and fails the test with <c>what</c> at the
/// deadline. Not a sleep as synchronisation: it returns as soon as the condition holds. The one polling helper of
/// the test projects (linked into each from tests/Shared).
/// </summary>
public static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        await UntilAsync(condition, ok => ok, timeout, what, interval);
    }

    /// <summary>Reads until the value satisfies <paramref name="condition"/>, and returns that value.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan timeout, string what, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(condition);
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            Assert.True(elapsed.Elapsed < timeout, $"timed out after {timeout.TotalSeconds:0} s waiting for: {what}; last value: {value}");
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(200));
        }
    }
}
