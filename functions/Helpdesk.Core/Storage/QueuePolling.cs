namespace Helpdesk.Core.Storage;

/// <summary>
/// The idle back-off of one queue consumer, as the Functions queue trigger does it: poll again at once while messages
/// come; after an empty read wait <see cref="FirstDelay"/>, then twice as long after each further empty read, up to the
/// ceiling (<see cref="QueuePollingOptions.MaxPollingInterval"/>); the first message resets it. A busy queue is read
/// back to back, an idle one costs one read per ceiling. Not thread-safe: one per polling loop.
/// </summary>
public sealed class QueuePolling
{
    /// <summary>The wait after the first empty read.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(50);

    private readonly TimeSpan _ceiling;
    private TimeSpan _next = FirstDelay;

    public QueuePolling(TimeSpan ceiling)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ceiling, FirstDelay);
        _ceiling = ceiling;
    }

    /// <summary>How long to wait before the next read, given whether the last read returned messages.</summary>
    public TimeSpan After(bool received)
    {
        if (received)
        {
            _next = FirstDelay;
            return TimeSpan.Zero;
        }

        var wait = _next < _ceiling ? _next : _ceiling;
        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, _ceiling.Ticks));
        return wait;
    }
}
