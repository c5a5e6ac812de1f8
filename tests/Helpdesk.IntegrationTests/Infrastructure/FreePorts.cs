using System.Net;
using System.Net.Sockets;

namespace Helpdesk.IntegrationTests.Infrastructure;

public static class FreePorts
{
    /// <summary>
    /// Ports the OS hands out as free right now. All listeners are open at the same time, so the ports are distinct;
    /// another process may still grab one before the caller binds it, so callers retry on a bind failure.
    /// </summary>
    public static int[] Reserve(int count)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    /// <summary>Waits until every port on 127.0.0.1 accepts a TCP connection, or <paramref name="failFast"/> returns a reason to stop.</summary>
    public static async Task WaitUntilListeningAsync(IReadOnlyCollection<int> ports, TimeSpan timeout, Func<string?> failFast, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        var pending = new HashSet<int>(ports);
        while (true)
        {
            foreach (var port in pending.ToArray())
            {
                if (await AcceptsConnectionAsync(port, cancellationToken).ConfigureAwait(false))
                {
                    pending.Remove(port);
                }
            }

            if (pending.Count == 0)
            {
                return;
            }

            if (failFast() is { } reason)
            {
                throw new InvalidOperationException(reason);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Port(s) {string.Join(", ", pending)} on 127.0.0.1 did not accept connections within {timeout.TotalSeconds:0} s.");
            }

            // A port has no event to wait for: poll it.
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> AcceptsConnectionAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, attempt.Token).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
