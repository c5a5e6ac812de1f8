namespace Helpdesk.Core.Web;

/// <summary>
/// What every read-only pass-through stream of the product shares (limits, hashing, deadlines on a request body):
/// forward-only, not seekable, not writable, its position is the count of bytes read so far. Derived streams
/// implement the reads and add to <see cref="BytesRead"/>.
/// </summary>
public abstract class ReadOnlyStream : Stream
{
    public long BytesRead { get; protected set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public abstract override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
