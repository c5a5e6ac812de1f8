using Helpdesk.Core.Web;

namespace Helpdesk.Standalone.Hosting;

/// <summary>
/// The request body as the product reads it, with the idle and total deadlines of <see cref="RequestLimitsOptions"/>
/// (Kestrel enforces the minimum rate underneath). A read that passes a deadline throws the same exception Kestrel
/// throws for a slow body (<see cref="BadHttpRequestException"/> with 408), and <see cref="TimedOut"/> says so, whatever
/// the reader then does with the exception.
/// </summary>
internal sealed class RequestBodyDeadlineStream(Stream inner, TimeSpan idleTimeout, TimeSpan totalTimeout, TimeProvider time) : ReadOnlyStream
{
    private readonly long _startedAt = time.GetTimestamp();

    public RequestBodyTimeoutKind? TimedOut { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (TimedOut is not null)
        {
            throw Timeout();
        }

        var remaining = totalTimeout - time.GetElapsedTime(_startedAt);
        if (remaining <= TimeSpan.Zero)
        {
            TimedOut = RequestBodyTimeoutKind.Total;
            throw Timeout();
        }

        var (wait, kind) = remaining < idleTimeout ? (remaining, RequestBodyTimeoutKind.Total) : (idleTimeout, RequestBodyTimeoutKind.Idle);
        using var deadline = new CancellationTokenSource(wait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var read = await inner.ReadAsync(buffer, linked.Token);
            BytesRead += read;
            return read;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            TimedOut = kind;
            throw Timeout();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status408RequestTimeout)
        {
            TimedOut = RequestBodyTimeoutKind.MinDataRate;
            throw;
        }
    }

    /// <summary>Kestrel refuses synchronous reads anyway; passed through without deadlines.</summary>
    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        BytesRead += read;
        return read;
    }

    private static BadHttpRequestException Timeout() =>
        new("Reading the request body timed out.", StatusCodes.Status408RequestTimeout);
}
