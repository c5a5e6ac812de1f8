using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Helpdesk.Core.Web;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Helpdesk.Standalone.Hosting;

/// <summary>
/// The ASP.NET Core rate limiter's policies for the two public routes, per client address (<see cref="RateLimitOptions"/>):
/// the routes name their policy (<c>RequireRateLimiting</c> in <c>Intake/IntakeEndpoints</c>), so every spelling of a
/// route's path that reaches the endpoint counts. Over the limit a client gets 429 with <c>Retry-After</c>
/// (<see cref="ErrorAnswer.TooManyRequests"/>). Technician routes name none and are not limited.
/// </summary>
internal static class PublicRateLimits
{
    /// <summary>GET of the request form.</summary>
    public const string FormPolicy = "public-form";

    /// <summary>POST of a new ticket.</summary>
    public const string TicketsPolicy = "public-tickets";

    public static IServiceCollection AddHelpdeskRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, ILoggerFactory>((limiter, limits, loggers) =>
        {
            var logger = loggers.CreateLogger(typeof(PublicRateLimits).FullName!);
            var o = limits.Value;
            limiter.AddPolicy(FormPolicy, http => RateLimitPartition.GetFixedWindowLimiter(ClientOf(http), _ => Window(o.FormGets, o.Window)));
            limiter.AddPolicy(TicketsPolicy, http => RateLimitPartition.GetFixedWindowLimiter(ClientOf(http), _ => Window(o.TicketPosts, o.Window)));
            limiter.OnRejected = (rejected, ct) =>
            {
                var http = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : o.Window;
                HostLog.RateLimited(logger, http.Request.Method, http.Request.Path, ClientOf(http));
                return new ValueTask(ErrorAnswer.TooManyRequests(retryAfter).ExecuteAsync(http));
            };
        });
        services.AddRateLimiter(_ => { });
        return services;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>The connection's address; IPv6 clients by their /64 (one subscriber usually holds a whole /64).</summary>
    internal static string ClientOf(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }
}
