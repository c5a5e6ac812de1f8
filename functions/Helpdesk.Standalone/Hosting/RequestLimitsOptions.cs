namespace Helpdesk.Standalone.Hosting;

/// <summary>
/// How long this host waits for request bodies (section <c>Helpdesk:Limits</c>). Kestrel's minimum data rate is an
/// average over the whole body, so alone it lets a client that sent most of a body and then stalls hold the request
/// for a long time (12 KB minus one byte: 50 s at Kestrel's default; 26 MB: hours). So a body also fails when no byte
/// arrives for <see cref="RequestBodyIdleTimeout"/> while the product waits for one, or when it is not complete after
/// <see cref="RequestBodyTimeout"/>. Each of the three ends the request with 408.
/// </summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "Helpdesk:Limits";

    /// <summary>Kestrel's minimum body rate in bytes per second, averaged since the body began (default 1024 = 8 kbit/s).</summary>
    public int MinRequestBodyDataRate { get; set; } = 1024;

    /// <summary>How long a body may start slower than <see cref="MinRequestBodyDataRate"/> (more than 1 s: Kestrel checks once a second).</summary>
    public TimeSpan MinRequestBodyDataRateGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for the next bytes of a body that the product is reading.</summary>
    public TimeSpan RequestBodyIdleTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest time for a whole body, from its first read (26 MB in 5 minutes needs about 0.7 Mbit/s).</summary>
    public TimeSpan RequestBodyTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
