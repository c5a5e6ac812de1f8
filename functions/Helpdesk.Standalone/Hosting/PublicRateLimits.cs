using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Web;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Helpdesk.Standalone.Hosting;

/// <summary>
/// The ASP.NET Core rate limiter on the two public routes, per client address (<see cref="RateLimitOptions"/>): over
/// the limit a client gets 429 with <c>Retry-After</c> (<see cref="ErrorAnswer.TooManyRequests"/>). Routes are
/// recognised by the endpoint they matched, so <c>/api/form/</c> or <c>/API/Form</c> count as the form too.
/// </summary>
internal static class PublicRateLimits
{
    private static readonly string FormRoute = ApiRoutes.Prefix + "/" + IntakeRoutes.Form;
    private static readonly string TicketsRoute = ApiRoutes.Prefix + "/" + IntakeRoutes.Tickets;

    public static IServiceCollection AddHelpdeskRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, ILoggerFactory>((limiter, limits, loggers) =>
        {
            var logger = loggers.CreateLogger(typeof(PublicRateLimits).FullName!);
            var o = limits.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, (string Route, string Client)>(http => Route(http) switch
            {
                "form" => RateLimitPartition.GetFixedWindowLimiter(("form", ClientOf(http)), _ => Window(o.FormGets, o.Window)),
                "tickets" => RateLimitPartition.GetFixedWindowLimiter(("tickets", ClientOf(http)), _ => Window(o.TicketPosts, o.Window)),
                _ => RateLimitPartition.GetNoLimiter(("", "")),
            });
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

    /// <summary>"form", "tickets" or null, from the matched endpoint and the method.</summary>
    private static string? Route(HttpContext http)
    {
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText?.Trim('/');
        return pattern switch
        {
            _ when string.Equals(pattern, FormRoute, StringComparison.Ordinal) && HttpMethods.IsGet(http.Request.Method) => "form",
            _ when string.Equals(pattern, TicketsRoute, StringComparison.Ordinal) && HttpMethods.IsPost(http.Request.Method) => "tickets",
            _ => null,
        };
    }

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
