using System.Text.Json;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Tickets;
using Helpdesk.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.IntegrationTests.Tickets;

/// <summary>
/// <see cref="TicketHandler.ActAsync"/> when the body cannot be read (the server's request-body stream throws
/// <see cref="BadHttpRequestException"/>: broken chunked encoding, a body arriving too slowly): 400 or 408, never 500.
/// </summary>
public class TicketHandlerBodyTests
{
    [Theory]
    [InlineData(StatusCodes.Status400BadRequest, StatusCodes.Status400BadRequest, "could not be read")]
    [InlineData(StatusCodes.Status408RequestTimeout, StatusCodes.Status408RequestTimeout, "did not arrive in time")]
    [InlineData(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status413PayloadTooLarge, "at most")]
    public async Task BodyReadFailure_IsAnsweredWithItsStatus_AndAProductMessage(int thrown, int expected, string detail)
    {
        await using var core = await CoreServices.StartAsync();
        var ticket = ((IntakeResult.Created)await core.Get<TicketIntake>().CreateAsync(Submissions.Valid(), [], null, Submissions.Api, default)).Ticket;
        var context = NewContext(new ThrowingStream(new BadHttpRequestException("Kestrel could not read the body.", thrown)));

        var result = await core.Get<TicketHandler>().ActAsync(context.Request, ticket.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), "comment", default);
        await result.ExecuteAsync(context);

        Assert.Equal(expected, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var problem = JsonDocument.Parse(context.Response.Body).RootElement;
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await core.Get<TicketStore>().GetTimelineAsync(ticket.Number, default), e => e.Kind == "commented");
    }

    [Theory]
    [InlineData("1001", true, 1001)]
    [InlineData("1", true, 1)]
    [InlineData("2147483647", true, int.MaxValue)]
    [InlineData("+1001", false, 0)]
    [InlineData("01001", false, 0)]
    [InlineData(" 1001", false, 0)]
    [InlineData("1001 ", false, 0)]
    [InlineData("-1", false, 0)]
    [InlineData("0", false, 0)]
    [InlineData("", false, 0)]
    [InlineData("2147483648", false, 0)]
    [InlineData("12345678901", false, 0)]
    [InlineData("1e3", false, 0)]
    [InlineData("١٠٠١", false, 0)]
    public void TicketNumbers_AreDigitsWithoutSignOrLeadingZero(string text, bool valid, int number)
    {
        Assert.Equal(valid, TicketHandler.TryParseNumber(text, out var parsed));
        Assert.Equal(number, parsed);
    }

    private static DefaultHttpContext NewContext(Stream body)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Headers.TransferEncoding = "chunked";
        context.Request.Body = body;
        context.Response.Body = new MemoryStream();
        return context;
    }

    private sealed class ThrowingStream(Exception exception) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw exception;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(exception);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromException<int>(exception);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
