using System.Buffers;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Helpdesk.IntegrationTests.Infrastructure;

/// <summary>
/// An in-process SMTP server on a free port of 127.0.0.1 that keeps every message it receives.
/// <code>
/// await using var smtp = await TestSmtpServer.StartAsync();
/// // point the code under test at smtp.Host / smtp.Port (no TLS, no authentication)
/// var mail = await smtp.WaitForMessageAsync(m => m.Subject.Contains("[#42]"), TimeSpan.FromSeconds(10));
/// </code>
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<ReceivedMail> _received = [];
    private readonly List<Waiter> _waiters = [];
    private Task _serverTask = Task.CompletedTask;

    private TestSmtpServer()
    {
    }

    public string Host { get; } = "127.0.0.1";

    public int Port { get; private set; }

    /// <summary>Every message received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<MimeMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return _received.Select(r => r.Message).ToList();
            }
        }
    }

    /// <summary>Messages with their SMTP envelope (MAIL FROM, RCPT TO), which is where Bcc recipients show up.</summary>
    public IReadOnlyList<ReceivedMail> Received
    {
        get
        {
            lock (_gate)
            {
                return _received.ToList();
            }
        }
    }

    public static async Task<TestSmtpServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = new TestSmtpServer();
        await server.StartCoreAsync(cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>
    /// The first message (already received or arriving later) that matches <paramref name="predicate"/>.
    /// Completes when the message is stored; throws <see cref="TimeoutException"/> listing what did arrive.
    /// </summary>
    public async Task<MimeMessage> WaitForMessageAsync(Func<MimeMessage, bool> predicate, TimeSpan timeout)
    {
        var waiter = new Waiter(predicate);
        lock (_gate)
        {
            var existing = _received.FirstOrDefault(r => predicate(r.Message));
            if (existing is not null)
            {
                return existing.Message;
            }

            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Completion.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"No matching message within {timeout.TotalSeconds:0.#} s. Received {Messages.Count}: " +
                string.Join("; ", Messages.Select(m => $"'{m.Subject}' to {m.To}")));
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _serverTask.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listenerFactory = new EndpointListenerFactory();
        listenerFactory.EndpointStarted += (_, e) => listening.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);

        var options = new SmtpServerOptionsBuilder()
            .ServerName("helpdesk-test-smtp")
            // Port 0: the OS picks a free port; EndpointStarted tells which one, once the listener is open.
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)).IsSecure(false))
            .Build();

        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listenerFactory);
        services.Add(new Store(this));

        var server = new SmtpServer.SmtpServer(options, services);
        _serverTask = server.StartAsync(_stop.Token);

        var started = await Task.WhenAny(listening.Task, _serverTask).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        if (started != listening.Task)
        {
            await _serverTask.ConfigureAwait(false);
            throw new InvalidOperationException("The SMTP server stopped before listening.");
        }

        Port = await listening.Task.ConfigureAwait(false);
    }

    private void Add(ReceivedMail mail)
    {
        List<Waiter> matched;
        lock (_gate)
        {
            _received.Add(mail);
            matched = _waiters.Where(w => w.Predicate(mail.Message)).ToList();
            foreach (var waiter in matched)
            {
                _waiters.Remove(waiter);
            }
        }

        foreach (var waiter in matched)
        {
            waiter.Completion.TrySetResult(mail.Message);
        }
    }

    public sealed record ReceivedMail(MimeMessage Message, string MailFrom, IReadOnlyList<string> RcptTo);

    private sealed class Waiter(Func<MimeMessage, bool> predicate)
    {
        public Func<MimeMessage, bool> Predicate { get; } = predicate;

        public TaskCompletionSource<MimeMessage> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken).ConfigureAwait(false);
            owner.Add(new ReceivedMail(
                message,
                transaction.From is { } from ? $"{from.User}@{from.Host}" : string.Empty,
                transaction.To.Select(to => $"{to.User}@{to.Host}").ToList()));
            return SmtpResponse.Ok;
        }
    }
}
