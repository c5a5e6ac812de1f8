using System.Buffers;
using System.Net;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Helpdesk.Benchmarks;

/// <summary>An in-process SMTP server on a free loopback port that accepts every message and only counts them.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _server = Task.CompletedTask;
    private long _received;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _byRecipient = new(StringComparer.OrdinalIgnoreCase);

    public int Port { get; private set; }

    public long Received => Interlocked.Read(ref _received);

    /// <summary>Messages received per recipient address (a message to two recipients counts once for each).</summary>
    public int ReceivedBy(string address) => _byRecipient.GetValueOrDefault(address);

    public static async Task<SmtpSink> StartAsync()
    {
        var sink = new SmtpSink();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => listening.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("benchmark-smtp")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new CountingStore(sink));
        sink._server = new SmtpServer.SmtpServer(options, services).StartAsync(sink._stop.Token);
        var started = await Task.WhenAny(listening.Task, sink._server).WaitAsync(TimeSpan.FromSeconds(30));
        if (started != listening.Task)
        {
            await sink._server;
            throw new InvalidOperationException("The SMTP sink stopped before listening.");
        }

        sink.Port = await listening.Task;
        return sink;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived; false on timeout.</summary>
    public async Task<bool> WaitForAsync(long count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Received < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _server;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class CountingStore(SmtpSink owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner._received);
            foreach (var mailbox in transaction.To)
            {
                owner._byRecipient.AddOrUpdate($"{mailbox.User}@{mailbox.Host}", 1, (_, n) => n + 1);
            }

            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
