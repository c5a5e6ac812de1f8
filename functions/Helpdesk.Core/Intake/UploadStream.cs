using System.Security.Cryptography;
using System.Text;
using Helpdesk.Core.Web;

namespace Helpdesk.Core.Intake;

/// <summary>
/// What an attachment's blob upload reads: the head already read for the signature check, then the rest of the part.
/// As bytes pass it counts them (past the limit: <see cref="AttachmentTooLargeException"/>), hashes them (SHA-256)
/// and, for text types, checks they are UTF-8 without NUL (else <see cref="AttachmentContentException"/>). Nothing is
/// buffered beyond the caller's read.
/// </summary>
internal sealed class UploadStream : ReadOnlyStream
{
    private readonly Stream _rest;
    private readonly long _maxBytes;
    private readonly string _fileName;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Decoder? _utf8;
    private readonly char[]? _chars;
    private ReadOnlyMemory<byte> _head;

    public UploadStream(ReadOnlyMemory<byte> head, Stream rest, long maxBytes, bool text, string fileName)
    {
        _head = head;
        _rest = rest;
        _maxBytes = maxBytes;
        _fileName = fileName;
        if (text)
        {
            _utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
            _chars = new char[4096];
        }
    }

    /// <summary>SHA-256 of the whole content (lower-case hex), once the end was read.</summary>
    public string? Sha256 { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = TakeHead(buffer);
        if (read == 0)
        {
            read = _rest.Read(buffer);
        }

        Inspect(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = TakeHead(buffer.Span);
        if (read == 0)
        {
            read = await _rest.ReadAsync(buffer, cancellationToken);
        }

        Inspect(buffer.Span[..read]);
        return read;
    }

    /// <summary>Reads to the end if the consumer stopped early, so that the length, hash and text check cover the whole file.</summary>
    public async Task DrainAsync(CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        while (Sha256 is null && await ReadAsync(buffer, ct) > 0)
        {
        }
    }

    private int TakeHead(Span<byte> buffer)
    {
        if (_head.IsEmpty || buffer.IsEmpty)
        {
            return 0;
        }

        var n = Math.Min(buffer.Length, _head.Length);
        _head.Span[..n].CopyTo(buffer);
        _head = _head[n..];
        return n;
    }

    private void Inspect(ReadOnlySpan<byte> bytes)
    {
        if (Sha256 is not null)
        {
            return;
        }

        if (bytes.IsEmpty)
        {
            Decode(bytes, flush: true);
            Sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
            return;
        }

        BytesRead += bytes.Length;
        if (BytesRead > _maxBytes)
        {
            throw new AttachmentTooLargeException(_fileName);
        }

        _hash.AppendData(bytes);
        if (_utf8 is not null && bytes.Contains((byte)0))
        {
            throw new AttachmentContentException(_fileName);
        }

        Decode(bytes, flush: false);
    }

    private void Decode(ReadOnlySpan<byte> bytes, bool flush)
    {
        if (_utf8 is null)
        {
            return;
        }

        try
        {
            // The decoder keeps an incomplete sequence at the end of one read for the next; at the end it must be complete.
            do
            {
                _utf8.Convert(bytes, _chars, flush, out var used, out _, out _);
                bytes = bytes[used..];
            }
            while (!bytes.IsEmpty);
        }
        catch (DecoderFallbackException)
        {
            throw new AttachmentContentException(_fileName);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
