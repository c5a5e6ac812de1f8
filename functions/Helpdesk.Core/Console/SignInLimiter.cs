using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Console;

/// <summary>
/// Sign-in attempts per client address and minute (<see cref="Technicians.TechniciansOptions.SignInAttemptsPerMinute"/>),
/// in memory: keys are 256-bit random, so this only stops a client from hammering the form and the table.
/// </summary>
public sealed class SignInLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SignInLimiter(IOptions<Technicians.TechniciansOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var permits = options.Value.SignInAttemptsPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public bool TryAcquire(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var address = http.Connection.RemoteIpAddress;
        var client = address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        using var lease = _limiter.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
