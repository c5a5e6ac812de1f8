using System.Text;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Tests.Intake;

/// <summary>The reader without a server: bodies that fail while being read, in every format.</summary>
public class SubmissionReaderTests
{
    private static readonly AttachmentStore Attachments = new(
        new StorageClients(Options.Create(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" })), NullLogger<AttachmentStore>.Instance);

    private static readonly SubmissionReader Reader = new(new IntakeOptions(),
        new AttachmentPartReader(new IntakeOptions(), Attachments, NullLogger<AttachmentPartReader>.Instance), NullLogger<SubmissionReader>.Instance);

    [Theory]
    [InlineData("application/json", 408, 408)]
    [InlineData("application/x-www-form-urlencoded", 408, 408)]
    [InlineData("multipart/form-data; boundary=B", 408, 408)]
    [InlineData("application/json", 400, 400)]
    [InlineData("multipart/form-data; boundary=B", 431, 400)]
    public async Task ABodyThatFailsWhileRead_IsUnreadable_WithTheMappedStatus(string contentType, int thrown, int answered)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = contentType;
        context.Request.Body = new FailingBody("--B\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nMar"u8.ToArray(), new BadHttpRequestException("Kestrel says no", thrown));
        await using var uploads = Attachments.BeginUploads();

        var result = await Reader.ReadAsync(context.Request, "fr", uploads, default);

        var unreadable = Assert.IsType<ReadResult.Unreadable>(result);
        Assert.Equal(answered, unreadable.Failure.StatusCode);
        Assert.DoesNotContain("Kestrel", unreadable.Failure.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\":\"Marie\",\"canWork\":false}", "The field 'canWork' must be a string.")]
    [InlineData("{\"NAME\":[\"Marie\"]}", "The field 'name' must be a string.")]
    [InlineData("{\"name\":\"Marie\",}", "The JSON body is not valid at line 1, position 17.")]
    [InlineData("\"Marie\"", "The JSON body must be an object of fields, such as {\"name\": \"...\", \"email\": \"...\"}.")]
    public async Task BadJson_IsDescribedWithoutTypeNames(string body, string detail)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        await using var uploads = Attachments.BeginUploads();

        var result = await Reader.ReadAsync(context.Request, "fr", uploads, default);

        Assert.Equal(detail, Assert.IsType<ReadResult.Malformed>(result).Detail);
    }

    [Fact]
    public async Task Json_FieldsMatchCaseInsensitively_AndUnknownOnesAreIgnored()
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json; charset=utf-8";
        context.Request.Body = new MemoryStream("\uFEFF{\"Name\":\"Marie\",\"CANWORK\":\"no\",\"extra\":{\"deep\":[1,2]},\"phone\":null}"u8.ToArray());
        await using var uploads = Attachments.BeginUploads();

        var ok = Assert.IsType<ReadResult.Ok>(await Reader.ReadAsync(context.Request, "fr", uploads, default));

        Assert.Equal("Marie", ok.Submission.Name);
        Assert.Equal("no", ok.Submission.CanWork);
        Assert.Null(ok.Submission.Phone);
        Assert.Empty(ok.FieldErrors);
    }

    /// <summary>Gives some bytes, then fails as Kestrel does on a broken or stalled body.</summary>
    private sealed class FailingBody(byte[] first, Exception failure) : Stream
    {
        private bool _given;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_given)
            {
                throw failure;
            }

            _given = true;
            first.CopyTo(buffer);
            return first.Length;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
