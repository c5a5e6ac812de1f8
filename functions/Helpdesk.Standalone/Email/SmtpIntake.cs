using System.Buffers;
using System.Net;
using Helpdesk.Core.Email;
using Microsoft.Extensions.Options;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Helpdesk.Standalone.Email;

/// <summary>
/// SMTP intake (<see cref="SmtpIntakeOptions"/>): the <c>SmtpServer</c> package receives mail for the support
/// address(es) only (<c>RCPT</c> to anything else: 550) and hands each message to the same pipeline as the webhook
/// routes (<see cref="InboundMailIntake"/>: raw stored, queued). A message over the inbound limit is refused with
/// 552; a storage failure answers 451 so that the sending server retries.
/// </summary>
public sealed partial class SmtpIntake(IOptions<SmtpIntakeOptions> options, IOptions<InboundOptions> inbound, SupportAddresses support,
    InboundMailIntake intake, ILogger<SmtpIntake> logger) : BackgroundService
{
    private readonly TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The port the listener opened (useful with port 0 in tests).</summary>
    public Task<int> Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Port is not { } port)
        {
            return;
        }

        var listenerFactory = new EndpointListenerFactory();
        listenerFactory.EndpointStarted += (_, e) => _listening.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var max = (int)Math.Min(inbound.Value.MaxMessageBytes, int.MaxValue);
        var smtpOptions = new SmtpServerOptionsBuilder()
            .ServerName("helpdesk")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Parse(options.Value.Address), port)).IsSecure(false))
            .MaxMessageSize(max, MaxMessageSizeHandling.Strict)
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listenerFactory);
        services.Add(new DelegatingMailboxFilter((_, _) => true, (_, to, _) => support.Contains(to.AsAddress())));
        services.Add(new Store(intake, max, logger));
        var server = new SmtpServer.SmtpServer(smtpOptions, services);
        Log.Listening(logger, options.Value.Address, port);
        try
        {
            await server.StartAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private sealed class Store(InboundMailIntake intake, int max, ILogger logger) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            if (buffer.Length > max)
            {
                return SmtpResponse.SizeLimitExceeded;
            }

            try
            {
                await intake.AcceptAsync(buffer.ToArray(), InboundFormat.Smtp, [.. transaction.To.Select(t => t.AsAddress())], cancellationToken);
                return SmtpResponse.Ok;
            }
            catch (Azure.RequestFailedException ex)
            {
                Log.StoreFailed(logger, ex);
                return new SmtpResponse(SmtpReplyCode.Aborted, "Mail could not be stored; try again later.");
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 8050, EventName = "SmtpIntakeListening", Level = LogLevel.Information,
            Message = "SMTP intake listening on {Address}:{Port} for the support address(es).")]
        public static partial void Listening(ILogger logger, string address, int port);

        [LoggerMessage(EventId = 8051, EventName = "SmtpIntakeStoreFailed", Level = LogLevel.Error,
            Message = "SMTP intake could not store a message; the sender was told to retry (451).")]
        public static partial void StoreFailed(ILogger logger, Exception exception);
    }
}
