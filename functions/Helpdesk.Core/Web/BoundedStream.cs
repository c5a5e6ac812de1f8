namespace Helpdesk.Core.Web;

/// <summary>
/// Read-only pass-through that counts bytes and throws the given exception as soon as more than the limit was read:
/// limits are enforced while a body streams, whatever its declared length (chunked bodies have none).
/// </summary>
public sealed class BoundedStream(Stream inner, long limit, Func<Exception> exceeded) : ReadOnlyStream
{
    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    private int Count(int read)
    {
        BytesRead += read;
        return BytesRead > limit ? throw exceeded() : read;
    }
}
