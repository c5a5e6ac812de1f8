using System.Buffers;
using System.Net;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Helpdesk.IntegrationTests.Notifications;

/// <summary>
/// A real SMTP server (the SmtpServer library, in process, on a free loopback port) that answers <c>RCPT TO</c> for
/// the addresses in <see cref="Refused"/> with 550 "mailbox unavailable", as a recipient's server does for a mailbox
/// that does not exist, and accepts everything else.
/// </summary>
public sealed class RefusingSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _serverTask = Task.CompletedTask;
    private int _stored;

    private RefusingSmtpServer(IReadOnlySet<string> refused) => Refused = refused;

    public IReadOnlySet<string> Refused { get; }

    public int Port { get; private set; }

    /// <summary>Messages accepted and stored so far.</summary>
    public int Stored => Volatile.Read(ref _stored);

    public static async Task<RefusingSmtpServer> StartAsync(params string[] refused)
    {
        var server = new RefusingSmtpServer(new HashSet<string>(refused, StringComparer.OrdinalIgnoreCase));
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listenerFactory = new EndpointListenerFactory();
        listenerFactory.EndpointStarted += (_, e) => listening.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("helpdesk-refusing-smtp")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listenerFactory);
        services.Add(new Filter(server));
        services.Add(new Store(server));
        server._serverTask = new SmtpServer.SmtpServer(options, services).StartAsync(server._stop.Token);
        server.Port = await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _serverTask;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class Filter(RefusingSmtpServer owner) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        // false: the library answers 550 (mailbox unavailable) to RCPT TO.
        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!owner.Refused.Contains($"{to.User}@{to.Host}"));
    }

    private sealed class Store(RefusingSmtpServer owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner._stored);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
